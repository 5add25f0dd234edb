using System;

namespace Vietref
{
    /// <summary>A vietref call returned a status other than VIETREF_OK. <see cref="Exception.Message"/>
    /// is the library's English description; <see cref="MessageVi"/> the Vietnamese one.</summary>
    public class VietrefException : Exception
    {
        internal VietrefException(uint status, string statusName, string message, string messageVi, string context)
            : base(message)
        {
            Status = (VietrefStatus)status;
            StatusName = statusName;
            MessageVi = messageVi;
            Context = context;
        }

        /// <summary>The stable status number (may be a number this binding does not name).</summary>
        public VietrefStatus Status { get; private set; }

        /// <summary>The constant's name, like <c>VIETREF_TEXT_NAME_INVALID</c>.</summary>
        public string StatusName { get; private set; }

        /// <summary>The library's Vietnamese description of the status.</summary>
        public string MessageVi { get; private set; }

        /// <summary>The C function that returned the status.</summary>
        public string Context { get; private set; }

        public override string ToString()
        {
            return string.Format("{0}: {1}: {2} ({3} {4}; {5})", GetType().FullName, Context, Message,
                StatusName, (uint)Status, MessageVi);
        }
    }

    /// <summary>libvietref could not be loaded; the message lists every place that was tried.</summary>
    public class VietrefLoadException : DllNotFoundException
    {
        public VietrefLoadException(string message) : base(message) { }
    }
}
