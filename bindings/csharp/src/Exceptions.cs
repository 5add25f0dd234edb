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

    /// <summary>A reference was refused (<see cref="VietrefStatus.RefEmpty"/> …
    /// <see cref="VietrefStatus.RefInvalidChecksum"/>): <see cref="Reason"/> and <see cref="ReasonVi"/>
    /// are the library's words for this value (<c>vietref_ref_*_message</c>), like "the check digits do
    /// not match (a typing error?)".</summary>
    public class ReferenceException : VietrefException
    {
        internal ReferenceException(uint status, string statusName, string message, string messageVi, string context,
            string reason, string reasonVi)
            : base(status, statusName, message, messageVi, context)
        {
            Reason = reason;
            ReasonVi = reasonVi;
        }

        /// <summary>Why this value was refused, in English, with the position and character when there is one.</summary>
        public string Reason { get; private set; }

        /// <summary>Why this value was refused, in Vietnamese.</summary>
        public string ReasonVi { get; private set; }

        public override string ToString() { return base.ToString() + ": " + Reason; }
    }

    /// <summary>Legacy-encoded bytes could not be decoded, or a text encoded (statuses 600–605):
    /// <see cref="DetailsJson"/> says where and why, as the library's JSON
    /// (<c>{"kind":"undefined_byte","offset":1,"line":1,"byte":128,"message":"..."}</c> for decoding,
    /// <c>{"kind":"unencodable","character":"Ж","codePoint":1046,"position":6,"line":2,"message":"..."}</c>
    /// for encoding).</summary>
    public class LegacyException : VietrefException
    {
        internal LegacyException(uint status, string statusName, string message, string messageVi, string context,
            string detailsJson)
            : base(status, statusName, message, messageVi, context)
        {
            DetailsJson = detailsJson;
        }

        /// <summary>Where and why, as JSON (<c>vietref_legacy_decode_error</c> / <c>_encode_error</c>).</summary>
        public string DetailsJson { get; private set; }

        public override string ToString() { return base.ToString() + ": " + DetailsJson; }
    }

    /// <summary>libvietref could not be loaded; the message lists every place that was tried.</summary>
    public class VietrefLoadException : DllNotFoundException
    {
        public VietrefLoadException(string message) : base(message) { }
    }
}
