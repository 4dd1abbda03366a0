package org.gongjian.org;

import org.jspecify.annotations.Nullable;

/** The unit form as the page binds it (a bean, so Thymeleaf's th:field can read it back on errors). */
public class UnitForm {

    private @Nullable Long parentId;
    private String name = "";
    private @Nullable UnitKind kind;
    private String code = "";

    static UnitForm of(UnitView unit) {
        UnitForm form = new UnitForm();
        form.parentId = unit.parentId();
        form.name = unit.name();
        form.kind = unit.kind();
        form.code = unit.code();
        return form;
    }

    /** Null fields pass through to the command, whose validation names what is missing. */
    @SuppressWarnings("NullAway")
    UnitCommand toCommand() {
        return new UnitCommand(name, kind, parentId, code);
    }

    public @Nullable Long getParentId() {
        return parentId;
    }

    public void setParentId(@Nullable Long parentId) {
        this.parentId = parentId;
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name == null ? "" : name;
    }

    public @Nullable UnitKind getKind() {
        return kind;
    }

    public void setKind(@Nullable UnitKind kind) {
        this.kind = kind;
    }

    public String getCode() {
        return code;
    }

    public void setCode(@Nullable String code) {
        this.code = code == null ? "" : code.trim();
    }
}
