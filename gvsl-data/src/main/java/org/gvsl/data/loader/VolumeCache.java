package org.gvsl.data.loader;

import org.gvsl.data.volume.Volume;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loaded volumes kept in memory up to a byte budget, least recently used dropped first. Thread-safe: loading
 * happens outside the lock, so two threads may occasionally load the same volume at once (both get a correct
 * result).
 */
final class VolumeCache {

    private final List<VolumeSource> sources;
    private final long capacityBytes;
    private final LinkedHashMap<Integer, Volume> cached = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    VolumeCache(List<VolumeSource> sources, long capacityBytes) {
        this.sources = List.copyOf(sources);
        this.capacityBytes = capacityBytes;
    }

    int size() {
        return sources.size();
    }

    String name(int index) {
        return sources.get(index).name();
    }

    /**
     * The volume of source {@code index}, loaded if needed.
     *
     * @throws DataLoadingException naming the source when it cannot be loaded
     */
    Volume get(int index) {
        synchronized (this) {
            Volume v = cached.get(index);
            if (v != null) {
                return v;
            }
        }
        Volume v;
        try {
            v = sources.get(index).load();
        } catch (IOException | RuntimeException e) {
            throw new DataLoadingException(name(index), "cannot load " + name(index) + ": " + e.getMessage(), e);
        }
        long size = 4L * v.shape().voxelCount();
        synchronized (this) {
            if (size <= capacityBytes && !cached.containsKey(index)) {
                cached.put(index, v);
                bytes += size;
                for (Iterator<Map.Entry<Integer, Volume>> it = cached.entrySet().iterator(); bytes > capacityBytes && it.hasNext(); ) {
                    Map.Entry<Integer, Volume> eldest = it.next();
                    bytes -= 4L * eldest.getValue().shape().voxelCount();
                    it.remove();
                }
            }
        }
        return v;
    }
}
