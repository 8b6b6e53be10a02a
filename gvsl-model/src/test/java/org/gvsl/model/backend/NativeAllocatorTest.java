package org.gvsl.model.backend;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeAllocatorTest {

    private static final String SETTING = "glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0:"
            + "glibc.malloc.trim_threshold=68719476736:glibc.malloc.hugetlb=1";

    @Test
    void theRecommendedSettingIsTheRootPomsValue() {
        assertEquals(SETTING, NativeAllocator.recommended());
    }

    @Test
    void theTestsRunWithTheSettingThatThePomGivesSurefire() {
        assertEquals(SETTING, System.getenv(NativeAllocator.VARIABLE));
        assertTrue(NativeAllocator.isSet(System.getenv(NativeAllocator.VARIABLE)));
    }

    @Test
    void theSettingIsFoundAmongOtherTunablesAndInAnyOrder() {
        assertTrue(NativeAllocator.isSet("glibc.malloc.hugetlb=1:glibc.malloc.trim_threshold=68719476736:"
                + "glibc.pthread.rseq=0:glibc.malloc.mmap_max=0:glibc.malloc.arena_max=1"));
    }

    @Test
    void aMissingOrOverriddenSettingIsNotSet() {
        assertFalse(NativeAllocator.isSet(null));
        assertFalse(NativeAllocator.isSet(""));
        assertFalse(NativeAllocator.isSet("glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0"));
        // glibc takes the last value of a name: the launchers put the user's tunables last, so theirs win
        assertFalse(NativeAllocator.isSet(SETTING + ":glibc.malloc.arena_max=4"));
        assertTrue(NativeAllocator.isSet("glibc.malloc.arena_max=4:" + SETTING));
    }
}
