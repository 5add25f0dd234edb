using System.Runtime.CompilerServices;

// The self-checking test program reaches the raw layer (NULL with a length, status mapping).
[assembly: InternalsVisibleTo("Vietref.Tests")]
