package org.vietref;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.sun.jna.Platform;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.Test;

/** Where the library is loaded from: VIETREF_LIB, then the package (class path), then the system. */
public class LoadingTest {
    static final class Result {
        int code;
        String out;
        String err;
    }

    static Result run(String classPath, Map<String, String> env) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", classPath, "org.vietref.PrintLoad");
        pb.environment().remove("VIETREF_LIB");
        pb.environment().putAll(env);
        Process p = pb.start();
        Result r = new Result();
        r.out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        r.err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        r.code = p.waitFor();
        return r;
    }

    @Test
    public void vietrefLibIsUsed() {
        assertEquals(System.getenv("VIETREF_LIB"), Vietref.loadedFrom());
    }

    @Test
    public void missingVietrefLibNamesWhatWasTried() throws Exception {
        Result r = run(System.getProperty("java.class.path"), Map.of("VIETREF_LIB", "/nonexistent/libvietref.so"));
        assertEquals(r.err, 3, r.code);
        assertTrue(r.err, r.err.contains("VIETREF_LIB: /nonexistent/libvietref.so"));
    }

    @Test
    public void packageThenSystem() throws Exception {
        String cp = System.getProperty("java.class.path");
        Map<String, String> env = Map.of("LD_LIBRARY_PATH", "", "DYLD_LIBRARY_PATH", "");
        Result r = run(cp, env);
        String resource = Platform.RESOURCE_PREFIX + "/" + System.mapLibraryName("vietref");
        if (r.code == 0) { // a libvietref installed on the system was found there
            assertEquals("system:vietref", r.out.split("\n")[0]);
        } else {
            assertEquals(r.err, 3, r.code);
            assertTrue(r.err, r.err.contains("package: class-path resource " + resource));
            assertTrue(r.err, r.err.contains("system: vietref"));
        }
        // the library as a class-path resource, as the jar carries it
        Path dir = Files.createTempDirectory("vietref-java");
        try {
            Path target = dir.resolve(resource);
            Files.createDirectories(target.getParent());
            Files.copy(Paths.get(System.getenv("VIETREF_LIB")), target, StandardCopyOption.REPLACE_EXISTING);
            r = run(cp + File.pathSeparator + dir, env);
            assertEquals(r.err, 0, r.code);
            assertEquals("classpath:" + resource, r.out.split("\n")[0]);
        } finally {
            Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
