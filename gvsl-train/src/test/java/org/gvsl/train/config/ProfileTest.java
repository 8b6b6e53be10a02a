package org.gvsl.train.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProfileTest {

    @Test
    void aValueSelectsThePaperAndNoneOrNullTheDemo() {
        assertEquals(Profile.PAPER, Profile.of(JsonNodeFactory.instance.textNode("/data/ct")));
        assertEquals(Profile.DEMO, Profile.of(null));
        assertEquals(Profile.DEMO, Profile.of(JsonNodeFactory.instance.nullNode()));
        assertEquals(Profile.DEMO, Profile.of(JsonNodeFactory.instance.missingNode()));
    }

    @Test
    void labelsAreLowerCase() {
        assertEquals("demo", Profile.DEMO.label());
        assertEquals("paper", Profile.PAPER.label());
    }
}
