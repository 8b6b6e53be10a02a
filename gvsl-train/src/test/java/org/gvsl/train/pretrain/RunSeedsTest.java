package org.gvsl.train.pretrain;

import org.gvsl.core.random.IndexedRandom;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunSeedsTest {

    @Test
    void derivedSeedsAreFixedAndDistinctFromEachOtherAndTheSeed() {
        Set<Long> seen = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            seen.add(seed);
            seen.add(RunSeeds.syntheticData(seed));
            seen.add(RunSeeds.preview(seed));
            seen.add(IndexedRandom.forIndex(seed, 0).nextLong());
        }
        assertEquals(400, seen.size());
        assertEquals(RunSeeds.preview(7), RunSeeds.preview(7));
    }
}
