// Script review driven through the real window by object name: edits, undo/redo, step reorder,
// import with schema problems shown by field.
#include "StudioFixture.h"
#include "TestPaths.h"
#include "tensorzero/JsonSchemaCheck.h"
#include "common/InlineMessage.h"
#include "common/ProjectDocument.h"
#include "common/FileDialogs.h"
#include "script/StepListModel.h"

#include <QAction>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

using namespace diy;
using namespace diy::ui;

class TestUiScript : public QObject {
    Q_OBJECT
private slots:
    void editTitleUndoRedo()
    {
        test::StudioFixture f;
        f.openExampleCopy();
        f.window()->showPage(MainWindow::ScriptPageIndex);
        auto *title = f.find<QLineEdit>(QStringLiteral("scriptTitleEdit"));
        QVERIFY(title);
        const QString original = f.window()->document()->project().script->title;
        QCOMPARE(title->text(), original);

        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Folded Jets"));
        QCOMPARE(f.window()->document()->project().script->title, QStringLiteral("Folded Jets"));
        QCOMPARE(f.window()->document()->undoStack()->count(), 1); // typing merges into one step
        QVERIFY(f.window()->document()->isModified());

        auto *undo = f.window()->findChild<QAction *>(QStringLiteral("undoAction"));
        auto *redo = f.window()->findChild<QAction *>(QStringLiteral("redoAction"));
        QVERIFY(undo && redo);
        undo->trigger();
        QCOMPARE(f.window()->document()->project().script->title, original);
        QCOMPARE(title->text(), original);
        redo->trigger();
        QCOMPARE(title->text(), QStringLiteral("Folded Jets"));
    }

    void editStepNarrationAndReorder()
    {
        test::StudioFixture f;
        f.openExampleCopy();
        f.window()->showPage(MainWindow::ScriptPageIndex);
        auto *list = f.find<QListView>(QStringLiteral("stepList"));
        auto *narration = f.find<QPlainTextEdit>(QStringLiteral("stepNarrationEdit"));
        QVERIFY(list && narration);
        list->setCurrentIndex(list->model()->index(1, 0));
        const QString secondTitle = f.window()->document()->project().script->steps.at(1).title;
        narration->setFocus();
        narration->selectAll();
        QTest::keyClicks(narration, QStringLiteral("Fold it twice."));
        QCOMPARE(f.window()->document()->project().script->steps.at(1).narration, QStringLiteral("Fold it twice."));

        auto *down = f.find<QToolButton>(QStringLiteral("moveStepDownButton"));
        QVERIFY(down->isEnabled());
        down->click();
        const auto &steps = f.window()->document()->project().script->steps;
        QCOMPARE(steps.at(2).title, secondTitle);
        QCOMPARE(steps.at(2).stepNumber, 3);
        QCOMPARE(list->currentIndex().row(), 2);
        QCOMPARE(narration->toPlainText(), QStringLiteral("Fold it twice.")); // the editor follows the step

        f.window()->document()->undoStack()->undo();
        QCOMPARE(f.window()->document()->project().script->steps.at(1).title, secondTitle);

        const int before = int(steps.size());
        f.find<QToolButton>(QStringLiteral("addStepButton"))->click();
        QCOMPARE(f.window()->document()->project().script->steps.size(), before + 1);
        for (int i = 0; i < before + 1; ++i)
            QCOMPARE(f.window()->document()->project().script->steps.at(i).stepNumber, i + 1);
        QCOMPARE(f.window()->document()->project().sceneImages.size(), f.window()->document()->project().scenes().size());
    }

    void importShowsProblemsByField()
    {
        test::StudioFixture f;
        f.openExampleCopy();
        f.window()->showPage(MainWindow::ScriptPageIndex);
        const QString bad = f.root() + QStringLiteral("/bad-script.json");
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"title": "x", "intro": {"narration": "hi", "image_prompt": "p"}, "materials": [], "steps": [], "completion": {"narration": "bye", "image_prompt": "p"}, "thumbnail_prompt": "t"})");
        file.close();
        const Script before = *f.window()->document()->project().script;
        FileDialogs::setTestHook([bad](FileDialogs::Kind, const QString &purpose) {
            return purpose == QStringLiteral("import-script") ? bad : QString();
        });
        f.find<QPushButton>(QStringLiteral("importScriptButton"))->click();
        FileDialogs::setTestHook({});
        auto *message = f.find<InlineMessage>(QStringLiteral("scriptMessage"));
        QVERIFY(message->isVisible());
        QCOMPARE(message->level(), InlineMessage::Level::Error);
        QVERIFY2(message->text().contains(QStringLiteral("/materials")), qPrintable(message->text()));
        QVERIFY(message->text().contains(QStringLiteral("/steps")));
        QCOMPARE(*f.window()->document()->project().script, before);
    }

    void exportWritesTheScriptTheSchemaAccepts()
    {
        // README: "import/export the script JSON (checked against the schema …)".
        test::StudioFixture f;
        f.openExampleCopy();
        f.window()->showPage(MainWindow::ScriptPageIndex);
        const QString out = f.root() + QStringLiteral("/exported script.json");
        FileDialogs::setTestHook([out](FileDialogs::Kind, const QString &purpose) {
            return purpose == QStringLiteral("export-script") ? out : QString();
        });
        f.find<QPushButton>(QStringLiteral("exportScriptButton"))->click();
        FileDialogs::setTestHook({});
        QTRY_VERIFY(QFile::exists(out));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto json = nlohmann::json::parse(file.readAll().toStdString(), nullptr, false);
        QVERIFY(!json.is_discarded());
        // The gateway's own schema file accepts it (valijson, not the studio's validator)...
        const test::JsonSchemaCheck schema(test::sourcePath(QStringLiteral("templates/script_output_schema.json")));
        QVERIFY2(schema.isValid(), qPrintable(schema.error()));
        QVERIFY2(schema.validate(json).isEmpty(), qPrintable(schema.validate(json)));
        // ...and it is the project's script, whole.
        const auto back = Script::fromJson(json);
        QVERIFY(back.ok());
        QCOMPARE(*back, *f.window()->document()->project().script);
        auto *message = f.find<InlineMessage>(QStringLiteral("scriptMessage"));
        QCOMPARE(message->level(), InlineMessage::Level::Success);
    }
};

QTEST_MAIN(TestUiScript)
#include "tst_ui_script.moc"
