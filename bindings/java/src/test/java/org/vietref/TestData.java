package org.vietref;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/** The shared vectors (tests/data) and the header, found from VIETREF_TEST_DATA / VIETREF_HEADER or the repository. */
final class TestData {
    private TestData() {}

    static Path repo() {
        for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("include/vietref_flat.h"))) {
                return d;
            }
        }
        throw new IllegalStateException("repository root not found (run from inside the repository)");
    }

    static Path dataDir() {
        String env = System.getenv("VIETREF_TEST_DATA");
        return env != null ? Paths.get(env) : repo().resolve("tests/data");
    }

    static String header() throws IOException {
        String env = System.getenv("VIETREF_HEADER");
        Path p = env != null ? Paths.get(env) : repo().resolve("include/vietref_flat.h");
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> vectors(String name) throws IOException {
        return (Map<String, Object>) MiniJson.parse(
                new String(Files.readAllBytes(dataDir().resolve(name)), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases(Map<String, Object> v, String key) {
        return (List<Map<String, Object>>) v.get(key);
    }
}
