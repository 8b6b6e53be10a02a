package org.gvsl.train.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gvsl.core.io.AtomicFile;
import org.gvsl.train.config.ConfigJson;
import org.nd4j.autodiff.samediff.SameDiff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checkpoint folders of a run, {@code checkpoints/step-NNNNNN/} ({@code model.fb} + {@code state.json}),
 * written atomically and rotated.
 *
 * <p><b>Atomic:</b> a checkpoint is written into {@code .tmp-step-NNNNNN-…/}, both files forced to disk, and the
 * folder renamed into place with {@code ATOMIC_MOVE} ({@link AtomicFile}); a process killed at any moment leaves
 * either the complete folder or a temporary one, which {@link #open} deletes. <b>Rotation:</b> after each write only the
 * {@code keep} newest checkpoints remain.
 */
public final class CheckpointStore {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final Pattern NAME = Pattern.compile("step-(\\d{6,})");

    private final Path dir;
    private final int keep;

    private CheckpointStore(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    /**
     * The store in {@code dir} (created if missing), keeping the {@code keep} newest checkpoints; deletes the
     * temporary folders of interrupted writes.
     */
    public static CheckpointStore open(Path dir, int keep) throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be ≥ 1, got " + keep);
        }
        Files.createDirectories(dir);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, AtomicFile.TMP_PREFIX + "*")) {
            for (Path stale : entries) {
                LOG.info("removing the unfinished checkpoint {}", stale.getFileName());
                deleteRecursively(stale);
            }
        }
        return new CheckpointStore(dir, keep);
    }

    /** The folder name of a step: {@code step-000100}. */
    public static String folderName(int step) {
        return String.format("step-%06d", step);
    }

    /**
     * Writes a checkpoint of {@code sd} at {@code state.step()} atomically, replacing one of the same step, then
     * deletes all but the newest {@code keep}.
     */
    public Checkpoint write(SameDiff sd, TrainingState state) throws IOException {
        String name = folderName(state.step());
        Path target = dir.resolve(name);
        Path tmp = AtomicFile.temporaryFolder(target);
        try {
            GraphState.save(sd, tmp.resolve(Checkpoint.MODEL_FILE));
            Path stateFile = tmp.resolve(Checkpoint.STATE_FILE);
            mapper().writeValue(stateFile.toFile(), state);
            AtomicFile.force(stateFile);
            if (Files.exists(target)) {
                Path old = dir.resolve(AtomicFile.TMP_PREFIX + name + "-replaced-" + UUID.randomUUID());
                AtomicFile.move(target, old);
                AtomicFile.move(tmp, target);
                deleteRecursively(old);
            } else {
                AtomicFile.move(tmp, target);
            }
        } finally {
            deleteRecursively(tmp);
        }
        prune();
        return new Checkpoint(target, state);
    }

    /** Complete checkpoints, oldest first. */
    public List<Checkpoint> list() throws IOException {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "step-*")) {
            for (Path p : entries) {
                if (NAME.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p)) {
                    folders.add(p);
                }
            }
        }
        folders.sort(Comparator.comparingLong(CheckpointStore::stepOf));
        List<Checkpoint> out = new ArrayList<>();
        for (Path p : folders) {
            read(p).ifPresent(out::add);
        }
        return out;
    }

    /** The newest complete checkpoint, if any. */
    public Optional<Checkpoint> latest() throws IOException {
        List<Checkpoint> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The store's folder. */
    public Path dir() {
        return dir;
    }

    private Optional<Checkpoint> read(Path folder) {
        Path state = folder.resolve(Checkpoint.STATE_FILE);
        if (!Files.isRegularFile(state) || !Files.isRegularFile(folder.resolve(Checkpoint.MODEL_FILE))) {
            LOG.warn("ignoring the incomplete checkpoint {}", folder);
            return Optional.empty();
        }
        try {
            return Optional.of(new Checkpoint(folder, mapper().readValue(state.toFile(), TrainingState.class)));
        } catch (IOException e) {
            LOG.warn("ignoring the checkpoint {}: cannot read {}: {}", folder, Checkpoint.STATE_FILE, e.getMessage());
            return Optional.empty();
        }
    }

    private void prune() throws IOException {
        List<Checkpoint> all = list();
        for (int i = 0; i < all.size() - keep; i++) {
            deleteRecursively(all.get(i).dir());
        }
    }

    private static long stepOf(Path folder) {
        Matcher m = NAME.matcher(folder.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private static ObjectMapper mapper() {
        return ConfigJson.mapper();
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
