// Script review driven through the real window by object name: edits, undo/redo, step reorder,
// import with schema problems shown by field.
#include "ExampleProject.h"
#include "StudioFixture.h"
#include "TestPaths.h"
#include "common/FileDialogs.h"
#include "common/InlineMessage.h"
#include "common/ProjectDocument.h"
#include "model/ScriptValidator.h"
#include "progress/RenderController.h"
#include "progress/StageRailModel.h"
#include "progress/StageState.h"
#include "script/StepListModel.h"
#include "tensorzero/JsonSchemaCheck.h"

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
        file.write(
            R"({"title": "x", "intro": {"narration": "hi", "image_prompt": "p"}, "materials": [], "steps": [], "completion": {"narration": "bye", "image_prompt": "p"}, "thumbnail_prompt": "t"})");
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
        // Plain words that name the fields (the JSON paths are in the details).
        QVERIFY2(message->text().contains(QStringLiteral("A video needs at least 3 materials")), qPrintable(message->text()));
        QVERIFY(message->text().contains(QStringLiteral("A video needs at least 3 steps")));
        QVERIFY(message->text().contains(QStringLiteral("The title is too short")));
        QVERIFY(!message->text().contains(QStringLiteral("Array should")));
        QCOMPARE(*f.window()->document()->project().script, before);
    }

    void blankScriptCannotRender()
    {
        // Placeholder text never reaches the video: the Script page lists it, the rail says why,
        // the render page refuses and names the fields.
        test::StudioFixture f;
        f.openTinyProject(3);
        f.window()->document()->edit(QStringLiteral("drop script"), ProjectDocument::ScriptAspect | ProjectDocument::ImagesAspect,
                                     [](Project &p) {
                                         p.script.reset();
                                         p.syncSceneImages();
                                     });
        f.window()->showPage(MainWindow::ScriptPageIndex);
        f.find<QPushButton>(QStringLiteral("blankScriptButton"))->click();
        QVERIFY(f.window()->document()->project().script.has_value());
        auto *problems = f.find<InlineMessage>(QStringLiteral("scriptProblemsMessage"));
        QVERIFY(problems->isVisible());
        QVERIFY2(problems->text().contains(QStringLiteral("The title still has the example text")), qPrintable(problems->text()));
        QVERIFY2(problems->text().contains(QStringLiteral("…and 7 more")), qPrintable(problems->text())); // 12 in all

        auto *rail = f.find<QListView>(QStringLiteral("stageRail"));
        const QModelIndex scriptRow = rail->model()->index(StageRailModel::Script, 0);
        QCOMPARE(scriptRow.data(StageRailModel::StateRole).toInt(), int(StageState::Failed));
        QVERIFY(scriptRow.data(StageRailModel::DetailRole).toString().contains(QStringLiteral("example text")));

        f.window()->findChild<QAction *>(QStringLiteral("renderAction"))->trigger();
        QVERIFY(!f.window()->renderController()->isRunning());
        QCOMPARE(f.window()->currentPage(), MainWindow::RenderPageIndex);
        QVERIFY(!f.find<QPushButton>(QStringLiteral("startRenderButton"))->isEnabled());
        auto *blockers = f.find<InlineMessage>(QStringLiteral("renderBlockersMessage"));
        QVERIFY(blockers->isVisible());
        QVERIFY2(blockers->text().contains(QStringLiteral("The title still has the example text")), qPrintable(blockers->text()));

        // Filling every field lets it render.
        f.window()->document()->edit(QStringLiteral("fill"), ProjectDocument::ScriptAspect, [](Project &p) {
            const Script filled = test::minimalScript(int(p.script->steps.size()));
            p.script = filled;
        });
        QVERIFY(f.find<QPushButton>(QStringLiteral("startRenderButton"))->isEnabled());
        QVERIFY(!blockers->isVisible());
        QVERIFY(!problems->isVisible());
    }

    void materialLimitsFollowTheSchema()
    {
        test::StudioFixture f;
        f.openTinyProject(3);
        f.window()->showPage(MainWindow::ScriptPageIndex);
        auto *add = f.find<QToolButton>(QStringLiteral("addMaterialButton"));
        auto *remove = f.find<QToolButton>(QStringLiteral("removeMaterialButton"));
        const auto limits = ScriptValidator::limits();
        QCOMPARE(f.window()->document()->project().script->materials.size(), limits.materialsMin);
        QVERIFY(!remove->isEnabled()); // at the minimum
        while (add->isEnabled())
            add->click();
        QCOMPARE(f.window()->document()->project().script->materials.size(), limits.materialsMax);
        QVERIFY2(add->toolTip().contains(QStringLiteral("at most %1 materials").arg(limits.materialsMax)),
                 qPrintable(add->toolTip()));
        QVERIFY(f.window()->document()->project().script->validate().isEmpty()); // never past the schema
        QVERIFY(remove->isEnabled());

        // A 7-material script (a real craft) imports.
        Script seven = test::minimalScript(3);
        for (int i = 0; i < 4; ++i)
            seven.materials.append({QStringLiteral("Extra thing %1").arg(i + 1), QStringLiteral("an extra thing on a table")});
        const QString path = f.root() + QStringLiteral("/seven.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(seven.toJson().dump()));
        file.close();
        FileDialogs::setTestHook([path](FileDialogs::Kind, const QString &) { return path; });
        f.find<QPushButton>(QStringLiteral("importScriptButton"))->click();
        FileDialogs::setTestHook({});
        QCOMPARE(f.window()->document()->project().script->materials.size(), 7);
    }

    void oneUndoHistoryWhateverHasFocus()
    {
        test::StudioFixture f;
        f.openTinyProject(3);
        f.window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(f.window()));
        f.window()->showPage(MainWindow::ScriptPageIndex);
        auto *narration = f.find<QPlainTextEdit>(QStringLiteral("stepNarrationEdit"));
        auto *title = f.find<QLineEdit>(QStringLiteral("scriptTitleEdit"));
        const QString original = f.window()->document()->project().script->steps.at(0).narration;
        narration->setFocus();
        narration->moveCursor(QTextCursor::End);
        QTest::keyClicks(narration, QStringLiteral(" More."));
        QCOMPARE(f.window()->document()->project().script->steps.at(0).narration, original + QStringLiteral(" More."));
        const QString originalTitle = f.window()->document()->project().script->title;
        title->setFocus();
        title->end(false);
        QTest::keyClicks(title, QStringLiteral("!"));
        // Ctrl+Z in the title box undoes the document's last edit (the title), then the narration
        // typed in the other box: one history.
        QTest::keyClick(title, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(f.window()->document()->project().script->title, originalTitle);
        QCOMPARE(title->text(), originalTitle);
        QTest::keyClick(title, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(f.window()->document()->project().script->steps.at(0).narration, original);
        QCOMPARE(narration->toPlainText(), original);
        // Ctrl+Shift+Z redoes, with the focus still in a text box, after an Undo from the toolbar.
        narration->setFocus();
        QTest::keyClick(narration, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(f.window()->document()->project().script->steps.at(0).narration, original + QStringLiteral(" More."));
        f.window()->findChild<QAction *>(QStringLiteral("undoAction"))->trigger();
        QCOMPARE(f.window()->document()->project().script->steps.at(0).narration, original);
        QTest::keyClick(narration, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(narration->toPlainText(), original + QStringLiteral(" More."));
        QTest::keyClick(narration, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(f.window()->document()->project().script->title, originalTitle + QStringLiteral("!"));
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
