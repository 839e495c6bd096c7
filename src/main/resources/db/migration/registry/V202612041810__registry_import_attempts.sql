-- How often an import job was started: a job whose runs keep dying is given up after a few (issue 13).
alter table registry_import add column attempts integer not null default 0;
