package org.gvsl.train.cli;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.gvsl.model.backend.NativeAllocator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The IDE run configurations start the program with the allocator setting that ./gvsl gives it. */
class IdeRunConfigurationsTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyIntellijConfigurationSetsTheAllocator() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(PROJECT.resolve(".run"))) {
            files = s.filter(p -> p.toString().endsWith(".run.xml")).sorted().toList();
        }
        assertEquals(3, files.size(), files.toString());
        for (Path file : files) {
            NodeList envs = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                    .getElementsByTagName("env");
            List<String> values = new ArrayList<>();
            for (int i = 0; i < envs.getLength(); i++) {
                Element env = (Element) envs.item(i);
                if (env.getAttribute("name").equals(NativeAllocator.VARIABLE)) {
                    values.add(env.getAttribute("value"));
                }
            }
            assertEquals(List.of(NativeAllocator.recommended()), values, file.toString());
        }
    }

    @Test
    void everyVsCodeConfigurationSetsTheAllocator() throws Exception {
        JsonNode launch = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build()
                .readTree(PROJECT.resolve(".vscode/launch.json").toFile());
        JsonNode configurations = launch.get("configurations");
        assertEquals(3, configurations.size());
        for (JsonNode configuration : configurations) {
            assertEquals(NativeAllocator.recommended(),
                    configuration.path("env").path(NativeAllocator.VARIABLE).asText(null),
                    configuration.get("name").asText());
        }
    }
}
