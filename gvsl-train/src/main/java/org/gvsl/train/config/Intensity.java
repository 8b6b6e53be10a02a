package org.gvsl.train.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.gvsl.data.preprocess.CtIntensity;
import org.gvsl.data.preprocess.IntensityNormalization;
import org.gvsl.data.preprocess.MinMaxIntensity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the voxel values of a data folder are normalised to about [0, 1] before training (method.md §6). */
public enum Intensity {
    /** CT in Hounsfield units: {@code clip(HU + 1024, 0, 2048) / 2048}. */
    CT,
    /**
     * CT in Hounsfield units under the abdominal soft-tissue window (level 40, width 400): {@code clip(HU + 160, 0,
     * 400) / 400}. Not the method's; the demo's, so that the synthetic organs show (README "Pre-training").
     */
    CT_SOFT_TISSUE,
    /** CT files that already hold HU + 1024 (as the reference's pre-training set): {@code clip(v, 0, 2048) / 2048}. */
    CT_SHIFTED,
    /** MR: min–max of each volume to [0, 1]. */
    MR,
    /** No change: the files are already normalised. */
    NONE;

    /** The key of the intensity in a run's configuration ({@link PretrainConfig#intensity()}). */
    private static final String KEY = "intensity";

    /**
     * The value of a command-line option: the name in any case, with {@code -} or {@code _} ({@code ct-shifted}).
     *
     * @throws IllegalArgumentException listing the names when {@code text} is none of them
     */
    public static Intensity parse(String text) {
        try {
            return valueOf(text.trim().replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown intensity '" + text + "', expected one of "
                    + Arrays.stream(values()).map(Intensity::optionName).toList(), e);
        }
    }

    /** The name as options write it: {@code ct}, {@code ct-soft-tissue}, {@code ct-shifted}, {@code mr}, {@code none}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The normalisation a run was trained with, from its configuration ({@code config.json} as {@link ConfigJson}
     * writes it); empty when the text holds none.
     */
    public static Optional<Intensity> ofRunConfig(String runConfig) {
        try {
            JsonNode value = ConfigJson.mapper().readTree(runConfig).path(KEY);
            return value.isTextual() ? Optional.of(parse(value.asText())) : Optional.empty();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The normalisation of the data module. */
    public IntensityNormalization normalization() {
        return switch (this) {
            case CT -> CtIntensity.hounsfield();
            case CT_SOFT_TISSUE -> CtIntensity.softTissue();
            case CT_SHIFTED -> new CtIntensity(0);
            case MR -> new MinMaxIntensity();
            case NONE -> IntensityNormalization.none();
        };
    }
}
