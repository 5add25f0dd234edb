namespace Vietref
{
    /// <summary>The loaded native library.</summary>
    public static class VietrefLibrary
    {
        /// <summary>The library's version, like "0.1.0".</summary>
        public static string Version { get { return Native.Api.Version(); } }

        /// <summary>The path the library was loaded from (null: found by the system's search).</summary>
        public static string LoadedFrom { get { return Native.Api.LoadedFrom; } }

        /// <summary>"VIETREF_NULL_ARGUMENT" for 1; null for a number that is not a status.</summary>
        public static string StatusName(uint status) { return Native.Api.StatusName(status); }

        /// <summary>The library's description of a status in English or Vietnamese.</summary>
        public static string StatusMessage(uint status, Lang lang) { return Native.Api.StatusMessage(status, (uint)lang); }
    }
}
