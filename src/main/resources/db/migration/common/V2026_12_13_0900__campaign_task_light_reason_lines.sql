-- Light reasons whose words move by the day are stored as the facts they need (an indicator's plan with its
-- trajectory, a milestone's due date) and put into words when read: such a line can pass 4,000 characters.
-- Rows stored before hold the words of their evaluation day and are shown as they are until the first evaluation
-- after this upgrade rewrites them (LightEvaluation.RULES_VERSION 2: every campaign is evaluated whole once).
ALTER TABLE task_light_reason ALTER COLUMN reasons SET DATA TYPE VARCHAR(100000);
