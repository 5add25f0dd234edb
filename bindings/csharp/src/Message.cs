using System;

namespace Vietref
{
    /// <summary>A payment message draft (owns a <c>vietref_message</c>; dispose it, or the
    /// finalizer frees it). Every field is optional until <see cref="Validate()"/>, which reports
    /// what is missing or wrong. Setters return the message for chaining.</summary>
    public sealed class Message : IDisposable
    {
        private readonly MessageHandle handle;

        /// <summary>An empty draft.</summary>
        public Message() { handle = Native.Api.MessageNew(); }

        private Message(MessageHandle h) { handle = h; }

        /// <summary>A draft from the camelCase JSON object (payerName, amount, ...). Throws
        /// <see cref="VietrefException"/> (MessageJsonInvalid) when it is not one.</summary>
        public static Message FromJson(string json)
        {
            return new Message(Native.Api.MessageFromJson(Utf8.Encode(json, "json")));
        }

        /// <summary>"education" or "health".</summary>
        public Message SetSector(string value) { return Set(MessageField.Sector, value); }
        public Message SetPayerName(string value) { return Set(MessageField.PayerName, value); }
        public Message SetBeneficiaryName(string value) { return Set(MessageField.BeneficiaryName, value); }
        public Message SetReason(string value) { return Set(MessageField.Reason, value); }
        public Message SetInvoice(string value) { return Set(MessageField.Invoice, value); }

        /// <summary>The amount in đồng (whether it is acceptable is for <see cref="Validate()"/> to say).</summary>
        public Message SetAmount(ulong vnd)
        {
            Native.Api.MessageSetAmount(Live(), vnd);
            return this;
        }

        /// <summary>Every finding and, when valid, the cleaned message. The draft is not changed.</summary>
        public Report Validate() { return new Report(Native.Api.MessageValidate(Live())); }

        /// <summary><see cref="Validate()"/> knowing the institution's payment-code <paramref name="schemes"/>
        /// (<c>"HP:8,VP:10"</c>): an invoice of a scheme's shape (<c>hp 7184 0976 74</c>) is then a payment code,
        /// normalized to its electronic form, whose check digits must verify. Throws
        /// <see cref="VietrefException"/> (RefSchemesInvalid) for a malformed list.</summary>
        public Report Validate(string schemes)
        {
            return new Report(Native.Api.MessageValidateSchemes(Live(), Utf8.Encode(schemes, "schemes")));
        }

        /// <summary>Whether the native draft has been freed.</summary>
        public bool IsClosed { get { return handle.IsClosed; } }

        /// <summary>Frees the native draft; calling it again does nothing.</summary>
        public void Dispose() { handle.Dispose(); }

        private Message Set(MessageField field, string value)
        {
            Native.Api.MessageSet(Live(), field, Utf8.Encode(value, "value"));
            return this;
        }

        internal MessageHandle Live()
        {
            if (handle.IsClosed) throw new ObjectDisposedException("Message");
            return handle;
        }
    }
}
