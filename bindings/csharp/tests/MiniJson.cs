// A small JSON reader for the test vectors (test code only: netstandard2.0 and Mono's minimal
// install have no JSON parser). Objects -> Dictionary<string, object>, arrays -> List<object>,
// numbers -> double, plus string, bool, null.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Vietref.Tests
{
    internal sealed class MiniJson
    {
        private readonly string s;
        private int i;

        private MiniJson(string s) { this.s = s; }

        public static object Parse(string s)
        {
            var p = new MiniJson(s);
            var v = p.Value();
            p.Ws();
            if (p.i != s.Length) throw new FormatException("trailing data at " + p.i);
            return v;
        }

        private void Ws() { while (i < s.Length && char.IsWhiteSpace(s[i])) i++; }

        private object Value()
        {
            Ws();
            char c = s[i];
            if (c == '{')
            {
                i++;
                var d = new Dictionary<string, object>();
                Ws();
                if (s[i] == '}') { i++; return d; }
                while (true)
                {
                    Ws();
                    var k = Str();
                    Ws(); Expect(':');
                    d[k] = Value();
                    Ws();
                    if (s[i] == ',') { i++; continue; }
                    Expect('}');
                    return d;
                }
            }
            if (c == '[')
            {
                i++;
                var l = new List<object>();
                Ws();
                if (s[i] == ']') { i++; return l; }
                while (true)
                {
                    l.Add(Value());
                    Ws();
                    if (s[i] == ',') { i++; continue; }
                    Expect(']');
                    return l;
                }
            }
            if (c == '"') return Str();
            if (s.Substring(i).StartsWith("true")) { i += 4; return true; }
            if (s.Substring(i).StartsWith("false")) { i += 5; return false; }
            if (s.Substring(i).StartsWith("null")) { i += 4; return null; }
            int start = i;
            while (i < s.Length && "+-0123456789.eE".IndexOf(s[i]) >= 0) i++;
            return double.Parse(s.Substring(start, i - start), CultureInfo.InvariantCulture);
        }

        private void Expect(char c)
        {
            if (s[i] != c) throw new FormatException("expected " + c + " at " + i);
            i++;
        }

        private string Str()
        {
            Expect('"');
            var b = new StringBuilder();
            while (s[i] != '"')
            {
                char c = s[i++];
                if (c != '\\') { b.Append(c); continue; }
                char e = s[i++];
                switch (e)
                {
                    case 'n': b.Append('\n'); break;
                    case 't': b.Append('\t'); break;
                    case 'r': b.Append('\r'); break;
                    case 'b': b.Append('\b'); break;
                    case 'f': b.Append('\f'); break;
                    case 'u': b.Append((char)Convert.ToInt32(s.Substring(i, 4), 16)); i += 4; break;
                    default: b.Append(e); break;
                }
            }
            i++;
            return b.ToString();
        }
    }
}
