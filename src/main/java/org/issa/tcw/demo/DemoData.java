package org.issa.tcw.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.issa.tcw.commission.CommissionRole;
import org.issa.tcw.commission.domain.Commission;
import org.issa.tcw.commission.domain.CommissionRepository;
import org.issa.tcw.commission.domain.Membership;
import org.issa.tcw.commission.domain.MembershipRepository;
import org.issa.tcw.people.MembershipType;
import org.issa.tcw.people.Region;
import org.issa.tcw.people.domain.Institution;
import org.issa.tcw.people.domain.InstitutionRepository;
import org.issa.tcw.people.domain.Person;
import org.issa.tcw.people.domain.PersonRepository;
import org.issa.tcw.programme.domain.Triennium;
import org.issa.tcw.programme.domain.TrienniumRepository;
import org.issa.tcw.security.DemoAccounts;
import org.issa.tcw.security.Roles;
import org.issa.tcw.security.domain.LocalAccount;
import org.issa.tcw.security.domain.LocalAccountRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty database with realistic demo data: the nine commissions whose codes are a
 * contract, about 40 institutions across the four regions, about 120 people with chairs,
 * vice-chairs, members and observers, the trienniums 2023–2025 (closed) and 2026–2028 (active),
 * and a local account (password {@code demo}) for everyone. Deterministic: the same data every
 * time. Runs only in the demo profile and only on an empty database.
 */
@Component
@Profile("demo")
@Order(0)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final LocalDate TRIENNIUM_START = LocalDate.of(2026, 1, 1);

    private final InstitutionRepository institutions;
    private final PersonRepository people;
    private final CommissionRepository commissions;
    private final MembershipRepository memberships;
    private final TrienniumRepository trienniums;
    private final LocalAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;

    DemoData(InstitutionRepository institutions, PersonRepository people, CommissionRepository commissions,
            MembershipRepository memberships, TrienniumRepository trienniums, LocalAccountRepository accounts,
            PasswordEncoder passwordEncoder) {
        this.institutions = institutions;
        this.people = people;
        this.commissions = commissions;
        this.memberships = memberships;
        this.trienniums = trienniums;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (commissions.count() > 0 || people.count() > 0) {
            return;
        }
        long started = System.nanoTime();
        List<Institution> insts = createInstitutions();
        List<Commission> comms = createCommissions();
        String hash = Objects.requireNonNull(passwordEncoder.encode(DemoAccounts.PASSWORD));
        createTrienniums();
        createPeopleAndMemberships(insts, comms, hash);
        log.info("Demo data created in {} ms: {} institutions, {} people, {} commissions, {} memberships",
                (System.nanoTime() - started) / 1_000_000, institutions.count(), people.count(), commissions.count(),
                memberships.count());
    }

    private void createTrienniums() {
        Triennium previous = new Triennium(2023);
        previous.activate();
        previous.close();
        trienniums.save(previous);
        Triennium current = new Triennium(2026);
        current.activate();
        trienniums.save(current);
    }

    private List<Commission> createCommissions() {
        List<Commission> list = new ArrayList<>();
        for (String[] c : COMMISSIONS) {
            list.add(commissions.save(new Commission(c[0], c[1], c[2])));
        }
        return list;
    }

    private List<Institution> createInstitutions() {
        List<Institution> list = new ArrayList<>();
        for (String[] i : INSTITUTIONS) {
            Institution inst = new Institution(i[0], i[2], Region.valueOf(i[3]), MembershipType.valueOf(i[4]));
            inst.update(i[0], i[1], i[2], Region.valueOf(i[3]), MembershipType.valueOf(i[4]),
                    i.length > 6 ? i[6] : null, List.of(i[5]));
            list.add(institutions.save(inst));
        }
        return list;
    }

    private void createPeopleAndMemberships(List<Institution> insts, List<Commission> comms, String hash) {
        Commission ict = byCode(comms, "ICT");
        Commission fam = byCode(comms, "FAM");
        Institution brazil = byAcronym(insts, "INSS");
        Institution canada = byAcronym(insts, "ESDC");
        Institution kenya = byAcronym(insts, "NSSF-KE");
        Institution germany = byAcronym(insts, "DRV");

        // The demo accounts the README lists: usernames and roles must stay as they are.
        account(person("admin", "Lars", "Eriksen", "lars.eriksen@tcw-secretariat.org", null), hash, Roles.ADMIN);
        account(person("secretariat", "Claire", "Dubois", "claire.dubois@tcw-secretariat.org", null), hash,
                Roles.SECRETARIAT);
        Person chairIct = account(person("chair-ict", "Mariana", "Costa", "mariana.costa@inss.gov.br", brazil), hash);
        Person memberIct = account(person("member-ict", "David", "Okafor", "david.okafor@nssf.or.ke", kenya), hash);
        Person observerIct = account(person("observer-ict", "Sophie", "Tremblay", "sophie.tremblay@esdc.gc.ca", canada),
                hash);
        Person memberFam = account(person("member-fam", "Jonas", "Becker", "jonas.becker@drv-bund.de", germany), hash);
        memberships.save(Membership.active(ict, chairIct.getId(), CommissionRole.CHAIR, TRIENNIUM_START));
        memberships.save(Membership.active(ict, memberIct.getId(), CommissionRole.MEMBER, TRIENNIUM_START));
        memberships.save(Membership.active(ict, observerIct.getId(), CommissionRole.OBSERVER, TRIENNIUM_START));
        memberships.save(Membership.active(fam, memberFam.getId(), CommissionRole.MEMBER, TRIENNIUM_START));

        // About 114 more people, spread over the institutions, each in one or two commissions.
        Random random = new Random(2026);
        Set<String> usernames = new LinkedHashSet<>();
        List<Person> pool = new ArrayList<>();
        int index = 0;
        while (pool.size() < 114) {
            Institution inst = insts.get(index % insts.size());
            String[] names = Objects.requireNonNull(NAMES.get(inst.getRegion()));
            String first = names[0].split(",")[random.nextInt(names[0].split(",").length)].trim();
            String last = names[1].split(",")[random.nextInt(names[1].split(",").length)].trim();
            String username = ascii(first.charAt(0) + "." + last);
            if (usernames.add(username) && !username.equals("d.okafor")) {
                String domain = inst.getEmailDomains().iterator().next();
                pool.add(account(person(username, first, last, username + "@" + domain, inst), hash));
            }
            index++;
        }
        int next = 0;
        for (Commission c : comms) {
            boolean isIct = c.getCode().equals("ICT");
            if (!isIct) {
                memberships.save(Membership.active(c, pool.get(next++ % pool.size()).getId(), CommissionRole.CHAIR,
                        TRIENNIUM_START));
            }
            for (int v = 0; v < 2; v++) {
                memberships.save(Membership.active(c, pool.get(next++ % pool.size()).getId(),
                        CommissionRole.VICE_CHAIR, TRIENNIUM_START));
            }
            int members = 10 + random.nextInt(5);
            for (int m = 0; m < members; m++) {
                memberships.save(Membership.active(c, pool.get(next++ % pool.size()).getId(), CommissionRole.MEMBER,
                        TRIENNIUM_START.plusDays(random.nextInt(300))));
            }
            for (int o = 0; o < 2; o++) {
                memberships.save(Membership.active(c, pool.get(next++ % pool.size()).getId(),
                        CommissionRole.OBSERVER, TRIENNIUM_START.plusDays(random.nextInt(300))));
            }
        }
    }

    private Person person(String username, String first, String last, String email,
            @Nullable Institution institution) {
        return people.save(new Person(username, email, first, last, institution));
    }

    private Person account(Person person, String hash, String... roles) {
        accounts.save(new LocalAccount(person.getUsername(), hash, Set.of(roles)));
        return person;
    }

    private static Commission byCode(List<Commission> list, String code) {
        return list.stream().filter(c -> c.getCode().equals(code)).findFirst().orElseThrow();
    }

    private static Institution byAcronym(List<Institution> list, String acronym) {
        return list.stream().filter(i -> acronym.equals(i.getAcronym())).findFirst().orElseThrow();
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z.]", "").toLowerCase(Locale.ROOT);
    }

    private static final String[][] COMMISSIONS = {
        {"ICT", "Information and Communication Technology",
            "Promotes the effective use of information and communication technology in social security administration: digital services, data exchange, interoperability, cybersecurity and the governance of IT."},
        {"FAM", "Family Benefits",
            "Studies family and child benefits, their design, coverage and delivery, and their role in reducing child poverty and supporting work-life balance."},
        {"EMP", "Employment Policies and Unemployment Insurance",
            "Addresses unemployment insurance, activation and employment programmes, and the links between social security and labour markets."},
        {"CCC", "Contribution Collection and Compliance",
            "Develops good practice in registering employers and workers, collecting contributions, and fostering compliance, including in the informal economy."},
        {"INJ", "Insurance against Employment Accidents and Occupational Diseases",
            "Covers prevention, compensation and rehabilitation for employment injuries and occupational diseases."},
        {"MED", "Medical Care and Sickness Insurance",
            "Works on health coverage, sickness benefits, purchasing of care, and the sustainability of health insurance schemes."},
        {"MUT", "Mutual Benefit Societies",
            "Brings together mutual and community-based organizations that provide social protection and their contribution to universal coverage."},
        {"OLD", "Old-age, Invalidity and Survivors' Insurance",
            "Studies pension design and reform, coverage of old-age, disability and survivors' risks, and the adequacy and sustainability of pensions."},
        {"OMI", "Organization, Management and Innovation",
            "Supports the governance, strategic management, service quality and innovation of social security institutions."},
    };

    /** name, acronym, country, region, type, e-mail domain[, identity-provider alias]. */
    private static final String[][] INSTITUTIONS = {
        {"National Social Security Fund (Kenya)", "NSSF-KE", "KE", "AFRICA", "AFFILIATE", "nssf.or.ke"},
        {"Caisse nationale de sécurité sociale (Maroc)", "CNSS-MA", "MA", "AFRICA", "AFFILIATE", "cnss.ma", "cnss-ma"},
        {"South African Social Security Agency", "SASSA", "ZA", "AFRICA", "AFFILIATE", "sassa.gov.za"},
        {"Social Security and National Insurance Trust", "SSNIT", "GH", "AFRICA", "AFFILIATE", "ssnit.org.gh"},
        {"Caisse nationale de prévoyance sociale (Côte d'Ivoire)", "CNPS-CI", "CI", "AFRICA", "AFFILIATE", "cnps.ci"},
        {"Nigeria Social Insurance Trust Fund", "NSITF", "NG", "AFRICA", "AFFILIATE", "nsitf.gov.ng"},
        {"Caisse de sécurité sociale (Sénégal)", "CSS-SN", "SN", "AFRICA", "AFFILIATE", "secusociale.sn"},
        {"Ethiopian Social Security Agency", "ESSA", "ET", "AFRICA", "ASSOCIATE", "essa.gov.et"},
        {"Tanzania National Social Security Fund", "NSSF-TZ", "TZ", "AFRICA", "AFFILIATE", "nssf.go.tz"},
        {"Caisse nationale d'assurance maladie (Tunisie)", "CNAM-TN", "TN", "AFRICA", "AFFILIATE", "cnam.nat.tn"},
        {"National Social Security Institute (Brazil)", "INSS", "BR", "AMERICAS", "AFFILIATE", "inss.gov.br", "inss-br"},
        {"Employment and Social Development Canada", "ESDC", "CA", "AMERICAS", "AFFILIATE", "esdc.gc.ca"},
        {"Instituto Mexicano del Seguro Social", "IMSS", "MX", "AMERICAS", "AFFILIATE", "imss.gob.mx"},
        {"Administración Nacional de la Seguridad Social", "ANSES", "AR", "AMERICAS", "AFFILIATE", "anses.gob.ar"},
        {"Social Security Administration (United States)", "SSA", "US", "AMERICAS", "AFFILIATE", "ssa.gov"},
        {"Instituto de Previsión Social (Chile)", "IPS", "CL", "AMERICAS", "AFFILIATE", "ips.gob.cl"},
        {"Colpensiones", "COLP", "CO", "AMERICAS", "AFFILIATE", "colpensiones.gov.co"},
        {"Banco de Previsión Social (Uruguay)", "BPS", "UY", "AMERICAS", "AFFILIATE", "bps.gub.uy"},
        {"Caja Costarricense de Seguro Social", "CCSS", "CR", "AMERICAS", "AFFILIATE", "ccss.sa.cr"},
        {"National Insurance Board (Trinidad and Tobago)", "NIBTT", "TT", "AMERICAS", "ASSOCIATE", "nibtt.net"},
        {"Employees Provident Fund (Malaysia)", "EPF", "MY", "ASIA_PACIFIC", "AFFILIATE", "kwsp.gov.my"},
        {"Central Provident Fund Board (Singapore)", "CPF", "SG", "ASIA_PACIFIC", "AFFILIATE", "cpf.gov.sg"},
        {"National Pension Service (Korea)", "NPS", "KR", "ASIA_PACIFIC", "AFFILIATE", "nps.or.kr"},
        {"Japan Pension Service", "JPS", "JP", "ASIA_PACIFIC", "AFFILIATE", "nenkin.go.jp"},
        {"Employees' State Insurance Corporation (India)", "ESIC", "IN", "ASIA_PACIFIC", "AFFILIATE", "esic.gov.in"},
        {"Social Security System (Philippines)", "SSS", "PH", "ASIA_PACIFIC", "AFFILIATE", "sss.gov.ph"},
        {"BPJS Ketenagakerjaan (Indonesia)", "BPJSTK", "ID", "ASIA_PACIFIC", "AFFILIATE", "bpjsketenagakerjaan.go.id"},
        {"Services Australia", "SA-AU", "AU", "ASIA_PACIFIC", "AFFILIATE", "servicesaustralia.gov.au"},
        {"Social Security Organization (Iran)", "SSO-IR", "IR", "ASIA_PACIFIC", "AFFILIATE", "tamin.ir"},
        {"Social Insurance Fund (Viet Nam)", "VSS", "VN", "ASIA_PACIFIC", "ASSOCIATE", "baohiemxahoi.gov.vn"},
        {"Deutsche Rentenversicherung Bund", "DRV", "DE", "EUROPE", "AFFILIATE", "drv-bund.de", "drv-bund"},
        {"Caisse nationale d'assurance vieillesse (France)", "CNAV", "FR", "EUROPE", "AFFILIATE", "cnav.fr"},
        {"Instituto Nacional de la Seguridad Social (España)", "INSS-ES", "ES", "EUROPE", "AFFILIATE", "seg-social.es"},
        {"Swedish Social Insurance Agency", "FK", "SE", "EUROPE", "AFFILIATE", "forsakringskassan.se"},
        {"Social Insurance Institution of Finland", "Kela", "FI", "EUROPE", "AFFILIATE", "kela.fi"},
        {"Federal Social Insurance Office (Switzerland)", "FSIO", "CH", "EUROPE", "AFFILIATE", "bsv.admin.ch"},
        {"Istituto Nazionale della Previdenza Sociale", "INPS", "IT", "EUROPE", "AFFILIATE", "inps.it"},
        {"Social Insurance Institution (Poland)", "ZUS", "PL", "EUROPE", "AFFILIATE", "zus.pl"},
        {"Sociale Verzekeringsbank", "SVB", "NL", "EUROPE", "AFFILIATE", "svb.nl"},
        {"Department for Work and Pensions", "DWP", "GB", "EUROPE", "ASSOCIATE", "dwp.gov.uk"},
    };

    private static final java.util.Map<Region, String[]> NAMES = java.util.Map.of(
            Region.AFRICA, new String[] {
                "Amina, Kwame, Fatou, Tendai, Yaw, Nadia, Abebe, Chidi, Aïssatou, Kofi, Zanele, Moussa, Halima, Tariq",
                "Mensah, Diallo, Ndlovu, Boateng, Traoré, Mwangi, Haddad, Okonkwo, Kamara, Bekele, Nkosi, Sow, Chaouki, Mutua"},
            Region.AMERICAS, new String[] {
                "Lucía, Mateo, Camila, Thiago, Valentina, John, Emily, Diego, Ana, Pedro, Sarah, Martín, Isabela, Jorge",
                "González, Silva, Rodríguez, Martínez, Pereira, Smith, Johnson, López, Fernández, Oliveira, Campbell, Ramírez, Castro, Herrera"},
            Region.ASIA_PACIFIC, new String[] {
                "Wei, Priya, Hiroshi, Min-jun, Siti, Arjun, Mei, Ravi, Yuki, Nguyen, Aiko, Rahul, Farah, Jae-won",
                "Tan, Sharma, Tanaka, Kim, Abdullah, Patel, Lim, Singh, Suzuki, Tran, Sato, Gupta, Rahman, Park"},
            Region.EUROPE, new String[] {
                "Anna, Lukas, Marie, Giulia, Jan, Elena, Pierre, Ingrid, Tomasz, Sofia, Henrik, Chloé, Marco, Eva",
                "Müller, Schmidt, Rossi, Kowalski, Dupont, Andersson, Virtanen, Garcia, Novak, Jansen, Bernard, Fischer, Ricci, Lindqvist"});
}
