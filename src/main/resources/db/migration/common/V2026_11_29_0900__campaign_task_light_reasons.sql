-- Why a task has its light (亮灯理由), one reason per line; written by supervision through TaskService.applyLight.
ALTER TABLE task ADD COLUMN light_reasons VARCHAR(4000);
