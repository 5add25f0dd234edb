package org.vietref;

import org.junit.runner.Description;
import org.junit.runner.JUnitCore;
import org.junit.runner.Result;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunListener;

/**
 * Runs every test class with JUnit 4 and ends with the line "N passed, N failed" (the
 * CI's plain summary line); exits 1 on any failure. JUnitCore's own report is printed too.
 */
public final class RunTests {
    private RunTests() {}

    static final Class<?>[] CLASSES = {
        LoadingTest.class, TextTest.class, MessageTest.class, ErrorsTest.class, JunkTest.class, VietQrTest.class,
        ReferencesTest.class, MemoTest.class, LegacyTest.class, ReconcileTest.class, GatewayTest.class, ReconcileFilesTest.class, JunkNewTest.class,
    };

    public static void main(String[] args) {
        JUnitCore core = new JUnitCore();
        core.addListener(new RunListener() {
            private boolean failed;

            @Override
            public void testStarted(Description d) {
                failed = false;
            }

            @Override
            public void testFailure(Failure f) {
                failed = true;
                System.out.println("FAIL " + f.getDescription().getDisplayName() + ": " + f.getTrace());
            }

            @Override
            public void testFinished(Description d) {
                if (!failed) {
                    System.out.println("ok   " + d.getDisplayName());
                }
            }
        });
        Result r = core.run(CLASSES);
        int failed = r.getFailureCount();
        int passed = r.getRunCount() - failed;
        System.out.println();
        System.out.println("JUnit: " + r.getRunCount() + " tests, " + r.getIgnoreCount() + " ignored");
        System.out.println(passed + " passed, " + failed + " failed");
        System.exit(r.wasSuccessful() && r.getRunCount() > 0 ? 0 : 1);
    }
}
