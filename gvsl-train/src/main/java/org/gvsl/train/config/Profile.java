package org.gvsl.train.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The two sets of defaults of a command: the demo on built-in synthetic data, and the paper's run on a data folder.
 * Which one applies follows from the one option of a table that {@linkplain ConfigOption#selectsProfile() selects
 * it} (e.g. {@code --data DIR}): given, the paper's; absent or null, the demo's. The values themselves are the
 * options' defaults ({@link ConfigOption#defaultFor}).
 */
public enum Profile {

    /** Without a data folder: small and fast, to see every part work in minutes on a CPU. */
    DEMO,

    /** With a data folder: the paper's settings (method.md). */
    PAPER;

    /** {@link #PAPER} when the selecting option has a value, {@link #DEMO} when it is missing or null. */
    public static Profile of(JsonNode selectorValue) {
        return selectorValue == null || selectorValue.isNull() || selectorValue.isMissingNode() ? DEMO : PAPER;
    }

    /** {@code demo} or {@code paper}, for help. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
