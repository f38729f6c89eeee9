#pragma once

#include <QListView>

namespace diy::ui {

class ProjectDocument;
class RenderController;
class StageRailModel;
class ProductionController;

/// The stage rail beside the pages: Brief, Script, Images, Render, Watch, each with its state and
/// a status line saying what is done or why a stage cannot go on ("Step 2 narration still has the
/// example text…"). refresh() recomputes every status from the document and the render.
class StageRail : public QListView {
    Q_OBJECT
public:
    StageRail(ProjectDocument *document, RenderController *render, QWidget *parent = nullptr);

    StageRailModel *railModel() const { return m_model; }
    /// The AI steps' states (script written, prompts, pictures drawn) join the rail.
    void setProduction(ProductionController *production) { m_production = production; }
    void refresh();
    /// Selects the row of a stage page (0 = Brief), or nothing (-1).
    void selectStage(int stage);

signals:
    void stageActivated(int stage);

protected:
    void changeEvent(QEvent *event) override;

private:
    void followPalette();

    ProjectDocument *m_document;
    RenderController *m_render;
    StageRailModel *m_model;
    ProductionController *m_production = nullptr;
};

} // namespace diy::ui
