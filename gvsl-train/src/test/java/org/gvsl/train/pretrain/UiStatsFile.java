package org.gvsl.train.pretrain;

import org.nd4j.common.primitives.Pair;
import org.nd4j.graph.FlatArray;
import org.nd4j.graph.UIAddName;
import org.nd4j.graph.UIEvent;
import org.nd4j.graph.UIEventType;
import org.nd4j.graph.UIInfoType;
import org.nd4j.graph.UIStaticInfoRecord;
import org.nd4j.graph.ui.LogFileWriter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a {@code ui-stats.bin} back the way the DL4J UI does, through ND4J's {@link LogFileWriter}: whether the
 * graph structure is there, and the scalar events of one name by iteration.
 */
final class UiStatsFile {

    private final LogFileWriter reader;

    UiStatsFile(Path file) throws IOException {
        this.reader = new LogFileWriter(file.toFile());
    }

    boolean hasGraphStructure() throws IOException {
        for (Pair<UIStaticInfoRecord, ?> record : reader.readStatic().getData()) {
            if (record.getFirst().infoType() == UIInfoType.GRAPH_STRUCTURE) {
                return true;
            }
        }
        return false;
    }

    /** The scalar events named {@code name}, as iteration → value. */
    Map<Integer, Double> scalars(String name) throws IOException {
        Map<Integer, String> names = new HashMap<>();
        Map<Integer, Double> values = new TreeMap<>();
        for (Pair<UIEvent, ?> event : reader.readEvents()) {
            UIEvent header = event.getFirst();
            if (header.eventType() == UIEventType.ADD_NAME) {
                UIAddName added = (UIAddName) event.getSecond();
                names.put(added.nameIdx(), added.name());
            } else if (header.eventType() == UIEventType.SCALAR && name.equals(names.get(header.nameIdx()))) {
                INDArray scalar = Nd4j.createFromFlatArray((FlatArray) event.getSecond());
                values.put(header.iteration(), scalar.getDouble(0));
            }
        }
        return values;
    }
}
