using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Vietref
{
    /// <summary>UTF-8 in and out. Encoding never replaces anything: a lone surrogate is
    /// written as the three bytes it would take (invalid UTF-8), so the library answers
    /// VIETREF_INVALID_UTF8 instead of receiving a silent U+FFFD or '?'.</summary>
    internal static class Utf8
    {
        private static readonly UTF8Encoding Strict = new UTF8Encoding(false, true);

        internal static byte[] Encode(string s, string paramName)
        {
            if (s == null) throw new ArgumentNullException(paramName);
            int n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c < 0x80) n += 1;
                else if (c < 0x800) n += 2;
                else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { n += 4; i++; }
                else n += 3;
            }
            var b = new byte[n];
            int o = 0;
            for (int i = 0; i < s.Length; i++)
            {
                int c = s[i];
                if (c < 0x80) { b[o++] = (byte)c; continue; }
                if (c < 0x800) { b[o++] = (byte)(0xC0 | c >> 6); b[o++] = (byte)(0x80 | c & 0x3F); continue; }
                if (char.IsHighSurrogate((char)c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    int cp = char.ConvertToUtf32((char)c, s[++i]);
                    b[o++] = (byte)(0xF0 | cp >> 18);
                    b[o++] = (byte)(0x80 | (cp >> 12) & 0x3F);
                    b[o++] = (byte)(0x80 | (cp >> 6) & 0x3F);
                    b[o++] = (byte)(0x80 | cp & 0x3F);
                    continue;
                }
                b[o++] = (byte)(0xE0 | c >> 12);
                b[o++] = (byte)(0x80 | (c >> 6) & 0x3F);
                b[o++] = (byte)(0x80 | c & 0x3F);
            }
            return b;
        }

        internal static string Decode(byte[] bytes) { return Strict.GetString(bytes); }

        /// <summary>UTF-16 code units in <paramref name="count"/> bytes of UTF-8 from <paramref name="offset"/>
        /// (text the library accepted, so well formed): one per lead byte, two for a 4-byte sequence.</summary>
        internal static int CharCount(byte[] utf8, int offset, int count)
        {
            int n = 0;
            for (int i = offset; i < offset + count; i++)
            {
                byte b = utf8[i];
                if (b < 0x80 || b >= 0xC0) n += b >= 0xF0 ? 2 : 1;
            }
            return n;
        }

        /// <summary>A static NUL-terminated UTF-8 string of the library; null for NULL.</summary>
        internal static string FromStatic(IntPtr p)
        {
            if (p == IntPtr.Zero) return null;
            int len = 0;
            while (Marshal.ReadByte(p, len) != 0) len++;
            var bytes = new byte[len];
            Marshal.Copy(p, bytes, 0, len);
            return Decode(bytes);
        }
    }
}
