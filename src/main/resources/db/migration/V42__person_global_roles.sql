-- Global roles (ADMIN, SECRETARIAT) as last seen at the person's sign-in: replaced at every single
-- sign-on from the ID token (a role removed in Keycloak disappears at the next sign-in) and at every
-- local demo sign-in from local_account. Other features ask "who is staff?" through people's API
-- (discussions notify the staff like members).
create table person_global_role (
    person_id bigint      not null references person (id) on delete cascade,
    role      varchar(30) not null,
    primary key (person_id, role)
);

-- Databases that already hold demo accounts: start from what the local accounts say.
insert into person_global_role (person_id, role)
select p.id, 'ADMIN' from person p join local_account a on a.username = p.username
where a.global_roles like '%ADMIN%';

insert into person_global_role (person_id, role)
select p.id, 'SECRETARIAT' from person p join local_account a on a.username = p.username
where a.global_roles like '%SECRETARIAT%';
