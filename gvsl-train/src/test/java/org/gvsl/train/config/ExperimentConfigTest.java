package org.gvsl.train.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentConfigTest {

    @Test
    void resolvesWhatIsLeftToTheBudget() {
        ExperimentConfig standard = ExperimentConfig.builder().build();
        assertEquals(ExperimentBudget.STANDARD, standard.budget());
        assertNull(standard.seeds());
        ExperimentConfig s = standard.resolved();
        assertEquals(Path.of("runs/experiment-transfer"), s.out());
        assertEquals(3, s.seeds());
        assertEquals(200, s.pretrainSteps());
        assertEquals(100, s.transferSteps());
        assertTrue(s.atlas());
        assertEquals(0L, s.dataSeed());

        ExperimentConfig q = ExperimentConfig.builder().with(ExperimentOptions.BUDGET, ExperimentBudget.QUICK)
                .with(ExperimentOptions.SEEDS, 1).with(ExperimentOptions.ATLAS, true).build().resolved();
        assertEquals(Path.of("runs/experiment-transfer-quick"), q.out());
        assertEquals(1, q.seeds(), "an option wins over the budget");
        assertEquals(ExperimentBudget.QUICK.pretraining().steps(), q.pretrainSteps());
        assertTrue(q.atlas());
        assertEquals(q, q.resolved(), "resolving twice changes nothing");
    }

    @Test
    void theQuickFlagSelectsTheQuickBudgetAndOnlySeedsAndThreadsMayChangeOnResume() {
        assertEquals(java.util.List.of("--budget", "--quick"), ExperimentOptions.BUDGET.flags());
        assertEquals(Set.of("seeds", "threads"), ExperimentOptions.TABLE.resumableKeys());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExperimentConfig.builder()
                .with(ExperimentOptions.SEEDS, 0).build());
        assertTrue(e.getMessage().contains("seeds"), e.getMessage());
    }

    @Test
    void theBudgetsKeepTheirSplitsApart() {
        ExperimentBudget.Split s = ExperimentBudget.STANDARD.segmentation();
        assertEquals(16, s.total());
        assertEquals(4, s.train());
        assertEquals(32, ExperimentBudget.STANDARD.lesions().total());
        assertTrue(ExperimentBudget.QUICK.transfer().crop() <= ExperimentBudget.QUICK.cohortSize(),
                "the window fits the quick cohort");
    }
}
