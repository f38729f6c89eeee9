#include "model/PriceTable.h"

#include "TestPaths.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace diy;
using json = nlohmann::json;

class TestPriceTable : public QObject {
    Q_OBJECT
private slots:
    void bundledIsTheShippedFile()
    {
        const auto shipped = PriceTable::load(diy::test::sourcePath(QStringLiteral("config/prices.json")));
        QVERIFY2(shipped.ok(), qPrintable(shipped.ok() ? QString() : shipped.error().toString()));
        const PriceTable bundled = PriceTable::bundled();
        QCOMPARE(bundled.pricesAsOf(), shipped->pricesAsOf());
        QVERIFY(!bundled.pricesAsOf().isEmpty());
        QVERIFY(!bundled.source().isEmpty());
    }

    void handComputedCosts()
    {
        const PriceTable t = PriceTable::bundled();
        // creative → Claude Sonnet 4: 1000 × $3/M + 2000 × $15/M = 0.003 + 0.030
        QCOMPARE(qRound64(*t.tokenCost(QStringLiteral("script_generator"), QStringLiteral("creative"), 1000, 2000) * 1e9),
                 qRound64(0.033 * 1e9));
        // structured_fast → GPT-4o mini: 10000 × $0.15/M + 4000 × $0.60/M = 0.0015 + 0.0024
        QCOMPARE(qRound64(*t.tokenCost(QStringLiteral("script_generator"), QStringLiteral("structured_fast"), 10000, 4000) * 1e9),
                 qRound64(0.0039 * 1e9));
        QVERIFY(!t.tokenCost(QStringLiteral("script_generator"), QStringLiteral("unknown"), 1, 1).has_value());
        QCOMPARE(*t.imageCost(QStringLiteral("gemini-2.5-flash-image")), 0.039);
        QCOMPARE(*t.imageCost(QStringLiteral("gpt-image-1")), 0.042);
        QCOMPARE(*t.imageCost(QStringLiteral("gpt-image-1"), QStringLiteral("low")), 0.011);
        QCOMPARE(*t.imageCost(QStringLiteral("gpt-image-1"), QStringLiteral("high")), 0.167);
        QVERIFY(!t.imageCost(QStringLiteral("dall-e-9")).has_value());
        QCOMPARE(t.callsForVariant(QStringLiteral("prompt_enhancer"), QStringLiteral("best_of_3")), 4);
        QCOMPARE(t.callsForVariant(QStringLiteral("prompt_enhancer"), QStringLiteral("balanced")), 1);
    }

    void invalidTables_data()
    {
        QTest::addColumn<QString>("document");
        QTest::addColumn<QString>("message");
        QTest::newRow("not an object") << QStringLiteral("[]") << QStringLiteral("tokenModels");
        QTest::newRow("no token models") << QStringLiteral("{}") << QStringLiteral("tokenModels");
        QTest::newRow("negative price") << QStringLiteral(R"({"tokenModels": {"m": {"inputPerMillion": -1, "outputPerMillion": 1}}})")
                                        << QStringLiteral("tokenModels/m");
        QTest::newRow("missing output price")
            << QStringLiteral(R"({"tokenModels": {"m": {"inputPerMillion": 1}}})") << QStringLiteral("tokenModels/m");
        QTest::newRow("variant names unpriced model") << QStringLiteral(
            R"({"tokenModels": {"m": {"inputPerMillion": 1, "outputPerMillion": 1}}, "variantModels": {"f/v": "x"}})")
                                                      << QStringLiteral("variantModels/f/v");
        QTest::newRow("image without price")
            << QStringLiteral(R"({"tokenModels": {}, "imageModels": {"i": {}}})") << QStringLiteral("imageModels/i");
    }
    void invalidTables()
    {
        QFETCH(QString, document);
        QFETCH(QString, message);
        const auto table = PriceTable::fromJson(json::parse(document.toStdString()));
        QVERIFY(!table.ok());
        QVERIFY2(table.error().message.contains(message), qPrintable(table.error().message));
    }

    void editedCopyIsUsed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("prices.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"pricesAsOf": "test", "tokenModels": {"m": {"inputPerMillion": 2, "outputPerMillion": 4}},
                    "variantModels": {"script_generator/creative": "m"}})");
        f.close();
        qputenv("DIY_PRICES_FILE", path.toUtf8());
        const auto table = PriceTable::defaultTable();
        qunsetenv("DIY_PRICES_FILE");
        QVERIFY(table.ok());
        QCOMPARE(table->pricesAsOf(), QStringLiteral("test"));
        QCOMPARE(*table->tokenCost(QStringLiteral("script_generator"), QStringLiteral("creative"), 500000, 250000), 2.0);

        qputenv("DIY_PRICES_FILE", dir.filePath(QStringLiteral("missing.json")).toUtf8());
        const auto missing = PriceTable::defaultTable();
        qunsetenv("DIY_PRICES_FILE");
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QStringLiteral("missing.json")));
    }
};

QTEST_GUILESS_MAIN(TestPriceTable)
#include "tst_price_table.moc"
