using System;

namespace Vietref
{
    /// <summary>Reconciles a bank statement against open invoices (owns a <c>vietref_reconciler</c>; dispose it,
    /// or the finalizer frees it). Add the invoices, then feed the statement's lines one by one; each line is
    /// classified and applied to its invoice. Calls on one reconciler are serialized (the library allows
    /// no concurrent call while invoices are added or lines fed).</summary>
    public sealed class Reconciler : IDisposable
    {
        private readonly ReconcilerHandle handle;
        private readonly object gate = new object();

        /// <summary>A reconciler for the institution's payment-code <paramref name="schemes"/> (<c>"HP:8,VP:10"</c>;
        /// empty for none: then only RF references, e-invoices and the institution's own codes are found).
        /// Throws <see cref="VietrefException"/> (RefSchemesInvalid) for a malformed list.</summary>
        public Reconciler(string schemes = "")
        {
            handle = Native.Api.ReconcilerNew(Utf8.Encode(schemes, "schemes"));
        }

        /// <summary>Adds an open invoice: its code in any written form, the amount due in đồng, and optionally
        /// the payer's and beneficiary's full names and the due date (<c>YYYY-MM-DD</c> or <c>DD/MM/YYYY</c>);
        /// empty means not given. The invoice was added when the report is valid (its
        /// <see cref="Report.CleanedText"/> is the code as held); otherwise nothing was added and the errors say
        /// why (<c>reconcile.invoice_duplicate</c>, <c>reconcile.amount_zero</c>, ...).</summary>
        public Report AddInvoice(string code, ulong amount, string payer = "", string beneficiary = "", string due = "")
        {
            byte[] c = Utf8.Encode(code, "code"), p = Utf8.Encode(payer, "payer"), b = Utf8.Encode(beneficiary, "beneficiary"),
                d = Utf8.Encode(due, "due");
            lock (gate) return new Report(Native.Api.ReconcilerAddInvoice(Live(), c, amount, p, b, d));
        }

        /// <summary>Classifies statement line <paramref name="line"/> (your number for it: a duplicate's evidence
        /// names the line that settled the invoice) of <paramref name="amount"/> đồng with the transfer
        /// <paramref name="content"/> as the bank delivered it, and applies it (only Paid, Partial, Overpaid and
        /// Duplicate change an invoice). <paramref name="reference"/>, <paramref name="date"/> and
        /// <paramref name="counterName"/> are optional. An amount of 0 or of more than 13 digits throws
        /// <see cref="VietrefException"/> (ReconcileAmountInvalid) and changes nothing.</summary>
        public LineResult Feed(ulong line, ulong amount, string content, string reference = "", string date = "",
            string counterName = "")
        {
            byte[] c = Utf8.Encode(content, "content"), r = Utf8.Encode(reference, "reference"), d = Utf8.Encode(date, "date"),
                n = Utf8.Encode(counterName, "counterName");
            LineResultHandle x;
            lock (gate) x = Native.Api.ReconcilerFeed(Live(), line, amount, c, r, d, n);
            using (x) return new LineResult(x);
        }

        /// <summary>Reads a whole invoice list in CSV (<paramref name="data"/>: the file's bytes) and adds every invoice as
        /// <see cref="AddInvoice"/> would. The header row names <c>code,amount</c> and optionally
        /// <c>payer,beneficiary,due</c> (Vietnamese headers such as <c>Mã hóa đơn</c> recognized), or
        /// <paramref name="columns"/> maps them (<c>"code=Mã HĐ,amount=Phải thu"</c>; empty for the defaults).
        /// The result holds the number added and a report of every finding of every record, its field
        /// <c>"LINE:COLUMN"</c> (<c>"3:Số tiền"</c>) or <c>"LINE"</c>; a record with an error is not added, the
        /// others are. The report is valid when every record was added.</summary>
        public AddInvoicesResult AddInvoicesCsv(byte[] data, string columns = "")
        {
            if (data == null) throw new ArgumentNullException("data");
            var c = Utf8.Encode(columns, "columns");
            ulong added;
            ReportHandle rep;
            lock (gate) rep = Native.Api.ReconcilerAddInvoicesCsv(Live(), data, c, out added);
            return new AddInvoicesResult(added, new Report(rep));
        }

        /// <summary>As <see cref="AddInvoicesCsv(byte[], string)"/> for text held as a string (passed as UTF-8).</summary>
        public AddInvoicesResult AddInvoicesCsv(string data, string columns = "")
        {
            return AddInvoicesCsv(Utf8.Encode(data, "data"), columns);
        }

        /// <summary>Reads a whole invoice list as a school's or hospital's system exports it (<paramref name="data"/>:
        /// the file's bytes) in <paramref name="format"/>: <c>StatementFormat.Csv</c>, <c>Xlsx</c> or <c>Xls</c> (the
        /// first sheet). The header row is found past a title (the first of the first 30 rows naming a code and an
        /// amount column: <c>Mã hóa đơn</c>, <c>Mã HS</c>, <c>Số tiền</c>, <c>Họ tên phụ huynh</c>,
        /// <c>Họ tên học sinh</c>, <c>Hạn nộp</c>, ...), or <paramref name="columns"/> maps them as for
        /// <see cref="AddInvoicesCsv(byte[], string)"/>. Rows before the header row and totals rows are skipped, each
        /// a <c>reconcile.row_skipped</c> warning whose field is its row number. The result is as
        /// <see cref="AddInvoicesCsv(byte[], string)"/>'s, rows numbered as the spreadsheet numbers them; another
        /// format throws VietrefException (InvalidArgument).</summary>
        public AddInvoicesResult AddInvoices(byte[] data, StatementFormat format = StatementFormat.Csv, string columns = "")
        {
            if (data == null) throw new ArgumentNullException("data");
            var c = Utf8.Encode(columns, "columns");
            ulong added;
            ReportHandle rep;
            lock (gate) rep = Native.Api.ReconcilerAddInvoices(Live(), data, (uint)format, c, out added);
            return new AddInvoicesResult(added, new Report(rep));
        }

        /// <summary>Reads a whole statement export (<paramref name="data"/>: the file's bytes) in
        /// <paramref name="format"/> and feeds every incoming line, in order, as <see cref="Feed"/> would.
        /// <paramref name="columns"/> maps CSV headers as <c>vietref reconcile --columns</c> does
        /// (<c>"content=Diễn giải,amount=Có"</c>; empty for the defaults). The result holds the results in
        /// <paramref name="results"/> form (one per incoming line, numbered by the file's 1-based line or the
        /// position in a JSON array) and a report of what was not fed: outgoing lines skipped
        /// (<c>reconcile.outgoing_skipped</c> warnings) and records that could not be read (errors), each with
        /// its field <c>"LINE:COLUMN"</c> or <c>"LINE"</c>. An unknown format throws
        /// <see cref="VietrefException"/> (InvalidArgument). The whole export is held in memory: for one too
        /// large for that, call <see cref="Feed"/> line by line.</summary>
        public FeedStatementResult FeedStatement(byte[] data, StatementFormat format = StatementFormat.Csv, string columns = "",
            ResultsFormat results = ResultsFormat.JsonLines)
        {
            if (data == null) throw new ArgumentNullException("data");
            var c = Utf8.Encode(columns, "columns");
            string text;
            ReportHandle rep;
            lock (gate) rep = Native.Api.ReconcilerFeedStatement(Live(), data, (uint)format, c, (uint)results, out text);
            return new FeedStatementResult(text, new Report(rep));
        }

        /// <summary>As <see cref="FeedStatement(byte[], StatementFormat, string, ResultsFormat)"/> for text held as a
        /// string (passed as UTF-8).</summary>
        public FeedStatementResult FeedStatement(string data, StatementFormat format = StatementFormat.Csv, string columns = "",
            ResultsFormat results = ResultsFormat.JsonLines)
        {
            return FeedStatement(Utf8.Encode(data, "data"), format, columns, results);
        }

        /// <summary>Lets <see cref="FeedStatement(byte[], StatementFormat, string, ResultsFormat)"/> use up to
        /// <paramref name="n"/> threads (0 counts as 1; a new reconciler uses 1). With 2 or more, the statement's
        /// lines are read (envelopes, codes, names) on a second thread while the lines read before are matched: the
        /// results, their order and the totals are the same as on one thread.</summary>
        public void SetThreads(uint n)
        {
            lock (gate) Native.Api.ReconcilerSetThreads(Live(), n);
        }

        /// <summary>Counts and totals so far as JSON: <c>{"lines","amount","statuses":[{"status":"paid","lines",
        /// "amount"},...],"skipped","skippedAmount","rejected","input":{"lines","fed","skipped","rejected"},
        /// "invoices","invoicesSettled","invoicesOverpaid","invoicesPartial","invoicesUnpaid","outstanding"}</c>;
        /// <c>input</c> counts every physical line of the statements given to FeedStatement once, as fed,
        /// skipped (header, blank, outgoing) or rejected.</summary>
        public string SummaryJson { get { lock (gate) return Native.Api.ReconcilerSummaryJson(Live()); } }

        /// <summary>The state of the invoice with <paramref name="code"/> (any written form) as JSON:
        /// <c>{"code","kind","amountDue","paid","payments","outstanding","status"}</c>; null when no loaded
        /// invoice has that code.</summary>
        public string InvoiceJson(string code)
        {
            var c = Utf8.Encode(code, "code");
            lock (gate) return Native.Api.ReconcilerInvoiceJson(Live(), c);
        }

        public bool IsClosed { get { return handle.IsClosed; } }

        /// <summary>Frees the native reconciler; calling it again does nothing.</summary>
        public void Dispose() { handle.Dispose(); }

        /// <summary>Runs <paramref name="f"/> on the live handle under the reconciler's lock.</summary>
        internal T WithHandle<T>(Func<ReconcilerHandle, T> f)
        {
            lock (gate) return f(Live());
        }

        private ReconcilerHandle Live()
        {
            if (handle.IsClosed) throw new ObjectDisposedException("Reconciler");
            return handle;
        }
    }

    /// <summary>What <see cref="Reconciler.AddInvoicesCsv(byte[], string)"/> did: the number of invoices added and the
    /// report of every record's findings. Disposing it disposes the report.</summary>
    public sealed class AddInvoicesResult : IDisposable
    {
        internal AddInvoicesResult(ulong added, Report report) { Added = added; Report = report; }

        /// <summary>The number of invoices added.</summary>
        public ulong Added { get; private set; }

        /// <summary>Every finding of every record (field <c>"LINE:COLUMN"</c> or <c>"LINE"</c>); valid when every
        /// record was added (its <see cref="Report.CleanedText"/> is then the number added).</summary>
        public Report Report { get; private set; }

        public void Dispose() { Report.Dispose(); }
    }

    /// <summary>What <see cref="Reconciler.FeedStatement(byte[], StatementFormat, string, ResultsFormat)"/> did: the
    /// results as text and the report of what was not fed. Disposing it disposes the report.</summary>
    public sealed class FeedStatementResult : IDisposable
    {
        internal FeedStatementResult(string results, Report report) { Results = results; Report = report; }

        /// <summary>One result per incoming line, in the <see cref="ResultsFormat"/> asked for (empty when nothing
        /// was fed).</summary>
        public string Results { get; private set; }

        /// <summary>Outgoing lines skipped (warnings) and records that could not be read (errors); valid when no
        /// record was rejected (its <see cref="Report.CleanedText"/> is then the number of lines fed).</summary>
        public Report Report { get; private set; }

        public void Dispose() { Report.Dispose(); }
    }

    /// <summary>What one statement line was found to be (a copy of the native <c>vietref_line_result</c>,
    /// freed at once).</summary>
    public sealed class LineResult
    {
        internal LineResult(LineResultHandle x)
        {
            var api = Native.Api;
            Status = (LineStatus)api.LineResultStatus(x);
            Invoice = api.LineResultText(x, LineText.Invoice, Lang.English);
            Suggestion = api.LineResultText(x, LineText.Suggestion, Lang.English);
            PossibleTypo = api.LineResultText(x, LineText.PossibleTypo, Lang.English);
            Reason = api.LineResultText(x, LineText.Reason, Lang.English);
            ReasonVi = api.LineResultText(x, LineText.Reason, Lang.Vietnamese);
            Json = api.LineResultText(x, LineText.Json, Lang.English);
        }

        public LineStatus Status { get; private set; }

        /// <summary>The invoice the line was applied to (electronic form); null unless Paid, Partial, Overpaid
        /// or Duplicate.</summary>
        public string Invoice { get; private set; }

        /// <summary>For an Unmatched line, the one open invoice a name and the exact amount point to, for a
        /// person to confirm (not applied); null otherwise.</summary>
        public string Suggestion { get; private set; }

        /// <summary>For an Unmatched line, the one open invoice whose code is one digit changed (or two
        /// adjacent digits swapped) away from a code in the content whose check digits fail: a possible typo,
        /// for a person to confirm (not applied); null otherwise.</summary>
        public string PossibleTypo { get; private set; }

        /// <summary>Why, in English: "code HP24010172 found; 1,250,000 VND paid in full".</summary>
        public string Reason { get; private set; }

        /// <summary>Why, in Vietnamese.</summary>
        public string ReasonVi { get; private set; }

        /// <summary>The line <c>vietref reconcile</c> writes: status, invoice, amounts, reasons and the evidence
        /// (codes with spans, names, due date).</summary>
        public string Json { get; private set; }

        public override string ToString() { return Status + " " + (Invoice ?? Suggestion ?? "-") + ": " + Reason; }
    }
}
