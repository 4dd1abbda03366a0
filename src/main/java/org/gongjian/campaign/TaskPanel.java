package org.gongjian.campaign;

import java.util.List;
import java.util.Optional;

import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;

/**
 * Lets higher modules add a card to the task page without the campaign module knowing them (the pledge module
 * shows which signed pledge version binds the task).
 */
public interface TaskPanel {

    Optional<Panel> panelFor(TaskView task, DataScope scope);

    record Panel(String title, List<String> lines, @Nullable String link, @Nullable String linkText, boolean warning) {}
}
