package org.gvsl.data.nifti;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finding NIfTI files by name: {@code *.nii} and {@code *.nii.gz}, case-insensitive. */
public final class NiftiFiles {

    private NiftiFiles() {
    }

    /** Whether the file name ends in {@code .nii} or {@code .nii.gz}. */
    public static boolean isNiftiName(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".nii") || name.endsWith(".nii.gz");
    }

    /** The file name without {@code .nii} / {@code .nii.gz}, e.g. {@code case_003}. */
    public static String stem(Path path) {
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".nii.gz")) {
            return name.substring(0, name.length() - 7);
        }
        return lower.endsWith(".nii") ? name.substring(0, name.length() - 4) : name;
    }

    /** Every NIfTI file under {@code dir} (recursively, hidden files skipped), sorted by path. */
    public static List<Path> find(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a folder: " + dir);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(NiftiFiles::isNiftiName)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
