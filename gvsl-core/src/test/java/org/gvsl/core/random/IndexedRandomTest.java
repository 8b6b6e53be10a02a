package org.gvsl.core.random;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class IndexedRandomTest {

    @Test
    void sameArgumentsSameStream() {
        assertEquals(IndexedRandom.forIndex(7, 3).nextLong(), IndexedRandom.forIndex(7, 3).nextLong());
        assertNotEquals(IndexedRandom.forIndex(7, 3).nextLong(), IndexedRandom.forIndex(7, 4).nextLong());
        assertNotEquals(IndexedRandom.forIndex(7, 3).nextLong(), IndexedRandom.forIndex(8, 3).nextLong());
    }

    @Test
    void neighbouringIndicesDoNotShareShiftedStreams() {
        // The failure mode of naive seeding: stream(i + 1) equal to stream(i) shifted by one draw.
        Set<Long> firstDraws = new HashSet<>();
        for (long i = 0; i < 1000; i++) {
            SplittableRandom rng = IndexedRandom.forIndex(1, i);
            firstDraws.add(rng.nextLong());
            firstDraws.add(rng.nextLong());
        }
        assertEquals(2000, firstDraws.size());
        assertEquals(0L, IndexedRandom.mix64(0L));
        assertNotEquals(IndexedRandom.mix64(1L), IndexedRandom.mix64(2L));
    }
}
