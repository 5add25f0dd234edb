import vietref

with vietref.Message(sector="education", payer_name="  nguyễn   văn AN ",
                     beneficiary_name="Nguyễn Thị Bình", reason="Học phí học kỳ 1 năm 2024-2025",
                     invoice="HP7184097674", amount=1_250_000) as m, m.validate() as report:
    print("valid:", report.valid)
    for f in report.findings:
        print(f"{f.severity.name.lower()} {f.field} [{f.key} {f.code}]")
        print("  en:", f.message)
        print("  vi:", f.message_vi)
    print("cleaned:", report.cleaned_json)
