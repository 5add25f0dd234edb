// Where libvietref comes from, in order:
//   1. VIETREF_LIB: the full path of the library file (when set, nothing else is tried);
//   2. the package: runtimes/<rid>/native/<file> next to this assembly (the NuGet layout),
//      then <file> next to this assembly;
//   3. the system's library search (DllImport "vietref": PATH / LD_LIBRARY_PATH / the
//      loader cache; on .NET also the NuGet runtimes folders listed in deps.json).
//
// How the choice reaches DllImport depends on the runtime:
//   .NET Core 3+ / .NET 5+ (net8.0 build): NativeLibrary.SetDllImportResolver;
//   Mono: mono_dllmap_insert (the programmatic form of a <dllmap> entry);
//   .NET Framework on Windows: LoadLibrary of the full path first, after which
//     DllImport("vietref") finds the loaded vietref.dll by its name.
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vietref
{
    internal static class NativeLibraryLoader
    {
        internal const string EnvVar = "VIETREF_LIB";

        /// <summary>What was tried and which candidate was chosen.</summary>
        internal sealed class Attempt
        {
            internal readonly List<string> Tried = new List<string>();
            internal string Chosen;

            internal VietrefLoadException Failure(string why)
            {
                var lines = new List<string>(Tried);
                lines.Add((Chosen ?? "system: " + NativeMethods.Lib) + " (" + why + ")");
                return new VietrefLoadException(
                    "cannot load the vietref native library; tried, in order:\n  " + string.Join("\n  ", lines.ToArray())
                    + "\nSet " + EnvVar + " to the full path of " + FileName
                    + " (built by `cargo build --lib` in target/debug or target/release).");
            }
        }

        internal static string FileName
        {
            get
            {
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return "vietref.dll";
                if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return "libvietref.dylib";
                return "libvietref.so";
            }
        }

        internal static string RuntimeIdentifier
        {
            get
            {
                string os = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win"
                    : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx" : "linux";
                string arch;
                switch (RuntimeInformation.ProcessArchitecture)
                {
                    case Architecture.X86: arch = "x86"; break;
                    case Architecture.Arm: arch = "arm"; break;
                    case Architecture.Arm64: arch = "arm64"; break;
                    default: arch = "x64"; break;
                }
                return os + "-" + arch;
            }
        }

        private static bool IsMono { get { return Type.GetType("Mono.Runtime") != null; } }

        private static IEnumerable<string> PackagePaths()
        {
            var dir = Path.GetDirectoryName(typeof(NativeLibraryLoader).Assembly.Location);
            if (string.IsNullOrEmpty(dir)) dir = AppDomain.CurrentDomain.BaseDirectory;
            yield return Path.Combine(Path.Combine(Path.Combine(Path.Combine(dir, "runtimes"), RuntimeIdentifier), "native"), FileName);
            yield return Path.Combine(dir, FileName);
        }

        /// <summary>Picks the library and makes DllImport("vietref") resolve to it. Throws
        /// <see cref="VietrefLoadException"/> when VIETREF_LIB names a file that is missing.</summary>
        internal static Attempt Locate()
        {
            var a = new Attempt();
            var env = Environment.GetEnvironmentVariable(EnvVar);
            if (!string.IsNullOrEmpty(env))
            {
                if (!File.Exists(env))
                {
                    a.Chosen = EnvVar + ": " + env;
                    throw a.Failure("no such file");
                }
                a.Chosen = env;
            }
            else
            {
                foreach (var p in PackagePaths())
                {
                    if (File.Exists(p)) { a.Chosen = p; break; }
                    a.Tried.Add("package: " + p + " (no such file)");
                }
            }
#if NETCOREAPP3_0_OR_GREATER
            UseResolver(a);
#else
            if (a.Chosen != null)
            {
                if (IsMono) MonoMap(a.Chosen);
                else if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) WindowsPreload(a);
                // Other runtimes running the netstandard2.0 build: only the system search applies.
            }
#endif
            return a;
        }

#if NETCOREAPP3_0_OR_GREATER
        private static IntPtr handle;

        private static void UseResolver(Attempt a)
        {
            var asm = typeof(NativeLibraryLoader).Assembly;
            if (a.Chosen != null)
            {
                try { handle = NativeLibrary.Load(a.Chosen); }
                catch (Exception e) when (e is DllNotFoundException || e is BadImageFormatException) { throw a.Failure(e.Message); }
            }
            else if (!NativeLibrary.TryLoad(NativeMethods.Lib, asm, null, out handle))
            {
                throw a.Failure("not found by the runtime's native library search");
            }
            NativeLibrary.SetDllImportResolver(asm, (name, assembly, searchPath) =>
                name == NativeMethods.Lib ? handle : IntPtr.Zero);
        }
#else
        [DllImport("__Internal")]
        private static extern void mono_dllmap_insert(IntPtr assembly, string dll, string func, string tdll, string tfunc);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void MonoMap(string path)
        {
            // A global map (assembly NULL): DllImport("vietref") loads `path`.
            mono_dllmap_insert(IntPtr.Zero, NativeMethods.Lib, null, path, null);
        }

        [DllImport("kernel32", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern IntPtr LoadLibraryW(string path);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void WindowsPreload(Attempt a)
        {
            if (LoadLibraryW(a.Chosen) == IntPtr.Zero)
                throw a.Failure("LoadLibrary failed with error " + Marshal.GetLastWin32Error());
            if (!string.Equals(Path.GetFileName(a.Chosen), FileName, StringComparison.OrdinalIgnoreCase))
                a.Tried.Add("note: " + a.Chosen + " is not named " + FileName + "; DllImport may not find it");
        }
#endif
    }
}
