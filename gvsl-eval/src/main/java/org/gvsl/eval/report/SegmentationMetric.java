package org.gvsl.eval.report;

/** The per-class metrics of a segmentation report, in the order of the columns of {@code metrics.csv}. */
public enum SegmentationMetric {
    /** {@link org.gvsl.eval.metrics.Dice}. */
    DICE("dice", ""),
    /** {@link org.gvsl.eval.metrics.Hd95}, mm. */
    HD95("hd95", "mm"),
    /** {@link org.gvsl.eval.metrics.AverageSurfaceDistance}, mm. */
    ASD("asd", "mm"),
    /** {@link org.gvsl.eval.metrics.Sensitivity}. */
    SENSITIVITY("sensitivity", ""),
    /** {@link org.gvsl.eval.metrics.Specificity}. */
    SPECIFICITY("specificity", ""),
    /** {@link org.gvsl.eval.metrics.Precision}. */
    PRECISION("precision", "");

    private final String column;
    private final String unit;

    SegmentationMetric(String column, String unit) {
        this.column = column;
        this.unit = unit;
    }

    /** The column name in {@code metrics.csv} and key in {@code summary.json}, e.g. {@code hd95}. */
    public String column() {
        return column;
    }

    /** {@code mm} for the surface metrics, empty for the dimensionless ones. */
    public String unit() {
        return unit;
    }
}
