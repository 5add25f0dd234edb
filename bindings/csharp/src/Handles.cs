// Owned native handles. Each ReleaseHandle calls the matching _free exactly once: SafeHandle
// guarantees it (Dispose, finalizer, or never for a handle the library did not write).
using System;
using Microsoft.Win32.SafeHandles;

namespace Vietref
{
    /// <summary>An owned <c>vietref_string *</c>; read once, then disposed.</summary>
    internal sealed class StringHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public StringHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            NativeMethods.vietref_string_free(handle);
            return true;
        }
    }

    /// <summary>An owned <c>vietref_message *</c> draft.</summary>
    internal sealed class MessageHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public MessageHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            NativeMethods.vietref_message_free(handle);
            return true;
        }
    }

    /// <summary>An owned <c>vietref_report *</c>.</summary>
    internal sealed class ReportHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public ReportHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            NativeMethods.vietref_report_free(handle);
            return true;
        }
    }

    /// <summary>An owned <c>vietref_vietqr *</c>.</summary>
    internal sealed class VietQrHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public VietQrHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            NativeMethods.vietref_vietqr_free(handle);
            return true;
        }
    }

    /// <summary>An owned <c>vietref_candidates *</c>.</summary>
    internal sealed class CandidatesHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public CandidatesHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            NativeMethods.vietref_candidates_free(handle);
            return true;
        }
    }

    /// <summary>An owned <c>vietref_encoded *</c>.</summary>
    internal sealed class EncodedHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public EncodedHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            NativeMethods.vietref_encoded_free(handle);
            return true;
        }
    }

    /// <summary>An owned <c>vietref_detection *</c>.</summary>
    internal sealed class DetectionHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public DetectionHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            NativeMethods.vietref_detection_free(handle);
            return true;
        }
    }

    /// <summary>An owned <c>vietref_reconciler *</c>.</summary>
    internal sealed class ReconcilerHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public ReconcilerHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            NativeMethods.vietref_reconciler_free(handle);
            return true;
        }
    }

    /// <summary>An owned <c>vietref_line_result *</c>.</summary>
    internal sealed class LineResultHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public LineResultHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            NativeMethods.vietref_line_result_free(handle);
            return true;
        }
    }

    /// <summary>An owned <c>vietref_gateway_merchant *</c> (its secrets are wiped when freed).</summary>
    internal sealed class GatewayMerchantHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public GatewayMerchantHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            NativeMethods.vietref_gateway_merchant_free(handle);
            return true;
        }
    }
}
