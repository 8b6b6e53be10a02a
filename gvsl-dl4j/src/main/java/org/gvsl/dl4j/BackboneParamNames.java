package org.gvsl.dl4j;

/**
 * The one mapping between the backbone's reference parameter names and its DL4J parameter names.
 *
 * <p>Why: DL4J keys a network's gradients {@code LAYER_PARAM} and its updater splits each key at the last
 * {@code _} to find the layer ({@code BaseMultiLayerUpdater}), so a parameter name containing {@code _} breaks
 * {@code fit} (a NullPointerException, "layer" is null). The reference PyTorch names contain {@code _}
 * ({@code double_conv}, {@code maxpool_conv}). The DL4J name drops the {@value #PREFIX} prefix (the layer is the
 * backbone) and writes each {@code _x} as {@code X}:
 * <pre>
 *   unet.inc.double_conv.0.weight          ↔  inc.doubleConv.0.weight
 *   unet.down2.maxpool_conv.1.double_conv.4.bias  ↔  down2.maxpoolConv.1.doubleConv.4.bias
 * </pre>
 * The mapping is exact both ways for every name of the form {@code unet.} followed by lower-case letters, digits
 * and dots with single underscores each before a letter, which covers every tensor of the U-Net.
 */
public final class BackboneParamNames {

    /** The reference prefix of the backbone's tensors (the U-Net inside GVSL). */
    public static final String PREFIX = "unet";

    private static final String PREFIX_DOT = PREFIX + ".";

    private BackboneParamNames() {
    }

    /**
     * The DL4J parameter name of a reference name.
     *
     * @throws IllegalArgumentException naming it when it is not a backbone name the mapping can carry
     */
    public static String toDl4j(String referenceName) {
        if (!referenceName.startsWith(PREFIX_DOT) || !referenceName.matches("[a-z0-9.]+(_[a-z][a-z0-9.]*)*")) {
            throw new IllegalArgumentException("not a backbone tensor name (" + PREFIX_DOT
                    + "lower-case letters, digits, dots, single '_' before a letter): '" + referenceName + "'");
        }
        StringBuilder out = new StringBuilder();
        String rest = referenceName.substring(PREFIX_DOT.length());
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            out.append(c == '_' ? Character.toUpperCase(rest.charAt(++i)) : c);
        }
        return out.toString();
    }

    /**
     * The reference name of a DL4J parameter name.
     *
     * @throws IllegalArgumentException naming it when it is not one {@link #toDl4j} produces
     */
    public static String toReference(String dl4jName) {
        if (!dl4jName.matches("[a-z0-9.]+([A-Z][a-z0-9.]*)*")) {
            throw new IllegalArgumentException("not a DL4J backbone parameter name (lower-case letters, digits, dots,"
                    + " an upper-case letter for each '_x'): '" + dl4jName + "'");
        }
        StringBuilder out = new StringBuilder(PREFIX_DOT);
        for (char c : dl4jName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
