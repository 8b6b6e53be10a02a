package org.gvsl.train.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GvslTest {

    @Test
    void exitStatusesFollowPicocli() {
        assertEquals(0, Gvsl.run("--version"));
        assertEquals(2, Gvsl.run("--no-such-option"));
        assertEquals(2, Gvsl.run("no-such-command"));
    }
}
