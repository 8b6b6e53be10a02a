package org.gvsl.train.pretrain;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FiniteCheckTest {

    @Test
    void namesTheFirstNonFiniteTerm() {
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("loss_ncc", 0.5);
        assertEquals(Optional.empty(), FiniteCheck.nonFiniteLoss(losses));
        losses.put("loss_smooth", Double.POSITIVE_INFINITY);
        losses.put("loss_total", Double.NaN);
        assertEquals(Optional.of("loss_smooth = Infinity"), FiniteCheck.nonFiniteLoss(losses));
    }
}
