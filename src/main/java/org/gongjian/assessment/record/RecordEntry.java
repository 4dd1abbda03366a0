package org.gongjian.assessment.record;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** One line of a cadre's timeline: when, what kind, what, its result or score, where it comes from, and a link. */
public record RecordEntry(LocalDate date, Kind kind, String text, String result, String source,
                          @Nullable String link) {

    public enum Kind {
        TASK("牵头任务"),
        PLEDGE("责任状"),
        NOTICE("督办"),
        INSTRUCTION("领导批示"),
        RANKING("考核排名"),
        HARD_POST("吃劲岗位"),
        URGENT_TASK("急难险重"),
        DEPLOYMENT("下沉"),
        ROTATION("交流轮岗"),
        STUDY("考察学习");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String kindLabel() {
        return kind.label();
    }
}
