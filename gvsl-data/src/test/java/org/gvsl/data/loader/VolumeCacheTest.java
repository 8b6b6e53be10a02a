package org.gvsl.data.loader;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class VolumeCacheTest {

    @Test
    void keepsVolumesWithinTheBudgetAndDropsTheLeastRecentlyUsed() throws IOException {
        AtomicInteger loads = new AtomicInteger();
        List<VolumeSource> sources = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            String name = "v" + k;
            sources.add(new VolumeSource() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public Volume load() {
                    loads.incrementAndGet();
                    return Volume.zeros(VolumeShape.cube(4), VolumeGeometry.unit()); // 256 bytes
                }
            });
        }
        VolumeCache cache = new VolumeCache(sources, 512); // room for two
        Volume v0 = cache.get(0);
        cache.get(1);
        assertSame(v0, cache.get(0)); // 0 is now the most recent
        cache.get(2);                 // drops 1
        assertEquals(3, loads.get());
        cache.get(0);
        assertEquals(3, loads.get(), "0 still cached");
        cache.get(1);
        assertEquals(4, loads.get(), "1 was dropped");
        assertEquals("v2", cache.name(2));
    }
}
