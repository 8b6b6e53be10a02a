package org.gvsl.eval.report;

import org.gvsl.data.nifti.NiftiFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A predicted and a true label map of the same case.
 *
 * @param caseName   the file name without {@code .nii}/{@code .nii.gz}, e.g. {@code case_003}
 * @param prediction the predicted label map's file
 * @param truth      the true label map's file
 */
public record LabelMapPair(String caseName, Path prediction, Path truth) {

    /**
     * Pairs the NIfTI files of two folders (searched recursively, as {@link NiftiFiles#find}) by case name, sorted by
     * it. Every file must have its partner: {@code pred/case_1.nii.gz} pairs with {@code labels/case_1.nii} or
     * {@code labels/case_1.nii.gz}.
     *
     * @param predictions the folder of predicted label maps
     * @param truths      the folder of true label maps
     * @throws EvaluationInputException naming the folder when it is missing or holds no NIfTI file, or naming the
     *                                  file without a partner, or two files of one folder with the same case name
     */
    public static List<LabelMapPair> match(Path predictions, Path truths) throws EvaluationInputException {
        Map<String, Path> predicted = byCase(predictions);
        Map<String, Path> actual = byCase(truths);
        unpaired(predicted, actual, "label map", truths);
        unpaired(actual, predicted, "prediction", predictions);
        List<LabelMapPair> pairs = new ArrayList<>();
        predicted.forEach((name, file) -> pairs.add(new LabelMapPair(name, file, actual.get(name))));
        return pairs;
    }

    private static Map<String, Path> byCase(Path folder) throws EvaluationInputException {
        if (!Files.isDirectory(folder)) {
            throw new EvaluationInputException(folder + ": not a folder");
        }
        List<Path> files;
        try {
            files = NiftiFiles.find(folder);
        } catch (IOException e) {
            throw new EvaluationInputException(folder + ": cannot list the folder (" + e + ")", e);
        }
        if (files.isEmpty()) {
            throw new EvaluationInputException(folder + ": no .nii or .nii.gz file in this folder");
        }
        Map<String, Path> byCase = new TreeMap<>();
        for (Path file : files) {
            Path other = byCase.put(NiftiFiles.stem(file), file);
            if (other != null) {
                throw new EvaluationInputException(file + ": same case name '" + NiftiFiles.stem(file) + "' as "
                        + other);
            }
        }
        return byCase;
    }

    private static void unpaired(Map<String, Path> files, Map<String, Path> partners, String partner, Path folder)
            throws EvaluationInputException {
        List<String> missing = files.keySet().stream().filter(name -> !partners.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            String name = missing.get(0);
            throw new EvaluationInputException(files.get(name) + ": no " + partner + " " + name + ".nii or " + name
                    + ".nii.gz in " + folder + (missing.size() > 1 ? " (and " + (missing.size() - 1)
                    + " more file(s) without a partner)" : ""));
        }
    }
}
