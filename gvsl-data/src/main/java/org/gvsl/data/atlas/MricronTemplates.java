package org.gvsl.data.atlas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Debian's {@code mricron-data} package puts the real image and atlas that an {@link AtlasCohort} is built from
 * by default, and the one way to group the atlas into lobes. Nothing of the package is part of this project; it is
 * installed with {@code apt-get install mricron-data}.
 */
public final class MricronTemplates {

    /** The package's template folder. */
    public static final Path FOLDER = Path.of("/usr/share/mricron/templates");
    /** What to run when the files are missing. */
    public static final String INSTALL_HINT = "install Debian's mricron-data: apt-get install mricron-data";

    private MricronTemplates() {
    }

    /** The skull-stripped T1 image, {@code ch2bet.nii.gz} (1 mm). */
    public static Path image() {
        return FOLDER.resolve("ch2bet.nii.gz");
    }

    /** The AAL atlas on the image's grid, {@code aal.nii.gz} (116 regions). */
    public static Path atlas() {
        return FOLDER.resolve("aal.nii.gz");
    }

    /** Whether the image, the atlas and the atlas's table are installed. */
    public static boolean installed() {
        return Files.isRegularFile(image()) && Files.isRegularFile(atlas()) && Files.isRegularFile(table(atlas()));
    }

    /**
     * The lobe grouping of an atlas: its regions merged by the thousands of their codes in the table beside it
     * ({@code aal.nii.txt} for {@code aal.nii.gz}; {@link LabelGrouping#byCodeThousands}), 8 groups for AAL.
     */
    public static LabelGrouping lobes(Path atlas) throws IOException {
        return LabelGrouping.byCodeThousands(table(atlas));
    }

    private static Path table(Path atlas) {
        String name = atlas.getFileName().toString().replaceFirst("\\.gz$", "");
        return atlas.resolveSibling(name + ".txt");
    }
}
