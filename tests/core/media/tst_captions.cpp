#include <QtTest>
class TestCaptions : public QObject { Q_OBJECT };
QTEST_MAIN(TestCaptions)
#include "tst_captions.moc"
