#include <QtTest>
class TestMediaJobs : public QObject { Q_OBJECT };
QTEST_MAIN(TestMediaJobs)
#include "tst_mediajobs.moc"
