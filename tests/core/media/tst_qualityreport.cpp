#include <QtTest>
class TestQualityReport : public QObject { Q_OBJECT };
QTEST_MAIN(TestQualityReport)
#include "tst_qualityreport.moc"
