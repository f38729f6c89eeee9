#include "model/CostEstimate.h"

#include "TestPaths.h"

#include <QtTest>

using namespace diy;

/// CostEstimate against tests/data/cost/prices.json, every figure computed by hand:
///   script   dearest variant "slow" (dear): 1000 × $10/M + 2000 × $20/M           = $0.0500
///   prompts  6 scenes: 500 + 6×100 = 1100 in, 100 + 6×50 = 400 out on "cheap":
///            1100 × $1/M + 400 × $2/M = $0.0019; best_of_3 makes 4 calls        = $0.0076
///   pictures 5 × $0.04                                                           = $0.2000
///   judge    2000 + 6×300 = 3800 in, 500 out on "dear": 0.038 + 0.010            = $0.0480
///   time (defaults) script 30 s, prompts 20 s, pictures ⌈5/3⌉ × 10 s = 20 s, judge 25 s
class TestCostEstimate : public QObject {
    Q_OBJECT
private:
    PriceTable m_prices;

    static CostEstimateRequest request()
    {
        CostEstimateRequest r;
        r.scenes = 6;
        r.pictures = 5;
        r.imageModel = QStringLiteral("img");
        r.judge = true;
        return r;
    }
    static qint64 micro(double usd) { return qRound64(usd * 1e6); }

private slots:
    void initTestCase()
    {
        auto loaded = PriceTable::load(diy::test::sourcePath(QStringLiteral("tests/data/cost/prices.json")));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        m_prices = loaded.value();
    }

    void tokensAndPicturesTimesThePriceTable()
    {
        const CostEstimate e = CostEstimate::make(request(), m_prices);
        QCOMPARE(e.lines.size(), 4);
        QCOMPARE(e.pricesAsOf, QStringLiteral("fixture"));
        QVERIFY(e.complete());

        const CostEstimate::Line &script = e.lines[0];
        QCOMPARE(script.stage, QStringLiteral("script"));
        QCOMPARE(script.model, QStringLiteral("dear"));
        QCOMPARE(script.inputTokens, qint64(1000));
        QCOMPARE(script.outputTokens, qint64(2000));
        QCOMPARE(micro(script.costUsd), micro(0.05));

        const CostEstimate::Line &prompts = e.lines[1];
        QCOMPARE(prompts.stage, QStringLiteral("prompts"));
        QCOMPARE(prompts.inputTokens, qint64(1100));
        QCOMPARE(prompts.outputTokens, qint64(400));
        QCOMPARE(micro(prompts.costUsd), micro(0.0076));

        const CostEstimate::Line &pictures = e.lines[2];
        QCOMPARE(pictures.stage, QStringLiteral("pictures"));
        QCOMPARE(pictures.pictures, 5);
        QCOMPARE(micro(pictures.costUsd), micro(0.2));

        const CostEstimate::Line &judge = e.lines[3];
        QCOMPARE(judge.stage, QStringLiteral("quality"));
        QCOMPARE(judge.inputTokens, qint64(3800));
        QCOMPARE(micro(judge.costUsd), micro(0.048));

        QCOMPARE(micro(e.costUsd()), micro(0.3056));
        QCOMPARE(e.seconds(), 30.0 + 20.0 + 20.0 + 25.0);
        for (const auto &line : e.lines)
            QVERIFY(!line.secondsMeasured);
    }

    void pictureQualityPrice()
    {
        CostEstimateRequest r = request();
        r.imageQuality = QStringLiteral("low");
        QCOMPARE(micro(CostEstimate::make(r, m_prices).lines[2].costUsd), micro(0.05)); // 5 × $0.01
    }

    void timeFromMeasuredHistory()
    {
        // Runs oldest first; the mean of the newest five that measured a stage is used.
        QList<RunRecord> history;
        RunRecord a;
        a.stageSeconds[QStringLiteral("script")] = 40;
        RunRecord b;
        b.stageSeconds[QStringLiteral("script")] = 50;
        b.stageSeconds[QStringLiteral("pictures")] = 90;
        RunRecord renderOnly;
        renderOnly.stageSeconds[QStringLiteral("render")] = 300;
        history << a << b << renderOnly;
        const CostEstimate e = CostEstimate::make(request(), m_prices, history);
        QCOMPARE(e.lines[0].seconds, 45.0);
        QVERIFY(e.lines[0].secondsMeasured);
        QCOMPARE(e.lines[1].seconds, 20.0); // prompts: never measured, default
        QVERIFY(!e.lines[1].secondsMeasured);
        QCOMPARE(e.lines[2].seconds, 90.0);
        QVERIFY(e.lines[2].secondsMeasured);
        QCOMPARE(e.seconds(), 45.0 + 20.0 + 90.0 + 25.0);

        // Only the newest five count.
        QList<RunRecord> many;
        for (int s : {1000, 10, 10, 10, 10, 10}) {
            RunRecord r;
            r.stageSeconds[QStringLiteral("script")] = s;
            many << r;
        }
        QCOMPARE(CostEstimate::make(request(), m_prices, many).lines[0].seconds, 10.0);
    }

    void onlyWhatRuns()
    {
        CostEstimateRequest r;
        r.scenes = 6;
        r.script = false; // the creator wrote it
        r.prompts = true;
        r.pictures = 0; // cards only
        const CostEstimate e = CostEstimate::make(r, m_prices);
        QCOMPARE(e.lines.size(), 1);
        QCOMPARE(e.lines[0].stage, QStringLiteral("prompts"));
    }

    void unknownModelIsFlagged()
    {
        CostEstimateRequest r = request();
        r.imageModel = QStringLiteral("nobody-knows");
        const CostEstimate e = CostEstimate::make(r, m_prices);
        QVERIFY(!e.complete());
        QVERIFY(!e.lines[2].priced);
        QCOMPARE(e.lines[2].costUsd, 0.0);
    }

    void shippedTableCoversTheProduct()
    {
        // The shipped table prices every function the pipeline runs and both image providers.
        const PriceTable shipped = PriceTable::bundled();
        CostEstimateRequest r = request();
        for (const char *model : {"gemini-2.5-flash-image", "gpt-image-1"}) {
            r.imageModel = QString::fromLatin1(model);
            const CostEstimate e = CostEstimate::make(r, shipped);
            QVERIFY2(e.complete(), model);
            QCOMPARE(e.lines.size(), 4);
            QVERIFY(e.costUsd() > 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestCostEstimate)
#include "tst_cost_estimate.moc"
