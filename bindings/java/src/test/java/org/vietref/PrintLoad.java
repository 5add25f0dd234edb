package org.vietref;

/** Prints where the library was loaded from and its version (run as a subprocess by LoadingTest). */
public final class PrintLoad {
    private PrintLoad() {}

    public static void main(String[] args) {
        try {
            System.out.println(Vietref.loadedFrom());
            System.out.println(Vietref.version());
        } catch (VietrefLoadException e) {
            System.err.println("VietrefLoadException: " + e.getMessage());
            System.exit(3);
        }
    }
}
