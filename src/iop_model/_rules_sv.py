"""The rules' Swedish titles and sources, as ``docs/regler.md`` prints them (a test keeps the
two the same): the Swedish report's rules appendix quotes them."""

from __future__ import annotations

from typing import Final

#: Rule ID -> (Swedish title, Swedish source).
SWEDISH: Final[dict[str, tuple[str, str]]] = {
    "T1": (
        "Kalenderdagar",
        "Avtalspraxis: avtalstider anges i hela dagar (”från och med … till och med”).",
    ),
    "T2": (
        "Slutdagen räknas in",
        "Avtalspraxis: ”från och med 2019-01-01 till och med 2019-12-31”.",
    ),
    "T3": (
        "Slutdagen ligger inte före startdagen",
        "Följer av T2: en avtalstid omfattar minst en dag.",
    ),
    "T4": (
        "Slutdag för en avtalstid av viss längd",
        "Avtalspraxis (”från och med … till och med”), utformad efter lagar som säger regeln "
        "uttryckligen: 188 § andra och tredje stycket i den tyska civillagen (BGB) och "
        "artikel 143.2 i den japanska civillagen (en tid slutar dagen före motsvarande dag). "
        "1 § lagen (1930:173) om beräkning av lagstadgad tid är källa bara för tanken om "
        "motsvarande dag och tillämpas analogt: lagen gäller tid som bestäms i lag eller "
        "särskild författning och gör motsvarande dag själv till slutdag (D1).",
    ),
    "T5": (
        "Motsvarande dag saknas",
        "188 § tredje stycket BGB och artikel 143.2 i den japanska civillagen: saknas "
        "motsvarande dag i slutmånaden slutar tiden med månadens sista dag, vilket är vad UP "
        "ger; samma tanke om månadsslut som i 1 § lagen (1930:173), analogt. DOWN och REFUSE "
        "är verktygets namngivna alternativ (uttrycklig avrundning som i Catala).",
    ),
    "T6": (
        "En avtalstids längd",
        "Omvändningen av T4; aldrig pendulums diff().in_years(), som räknar "
        "2019-01-01–2021-12-31 som 2 år.",
    ),
    "T7": (
        "Minst en viss längd",
        "Följer av T4; så jämförs en avtalstid med ”minst tre år”.",
    ),
    "T8": (
        "Förlängningen börjar dagen efter",
        "Avtalspraxis: en förlängning fortsätter avtalet utan avbrott.",
    ),
    "T9": (
        "Förlängning beslutad i tid",
        "Verktygets modellval utifrån avtalspraxis: ett avtal som har löpt ut kan inte "
        "förlängas, det krävs ett nytt avtal (jämför Mölndals nya avtal för 2022–2024). "
        "Avtalstidens sista dag är inte lagstadgad tid, så 2 § lagen (1930:173) flyttar den "
        "inte om inte avtalet säger det.",
    ),
    "T10": (
        "Slutdag och längd stämmer överens",
        "Inget tyst val mellan två uppgifter om samma beslut.",
    ),
    "T11": (
        "Yttersta slutdag",
        "OCDS, avtalsperiodens maxExtentDate; verktygets modellval. En saknad yttersta "
        "slutdag är en risksignal, inte en rättsregel: Alingsåsavtalet (HFD 2020 ref. 15) "
        "kunde förlängas utan angiven gräns, men domstolens skäl var att stiftelsen utförde "
        "tjänster mot ekonomisk ersättning.",
    ),
    "T12": (
        "Uppsägning",
        "Avtalspraxis: varje IOP-avtal anger avtalstid, uppsägningstid och hävning (Uddevalla"
        " kommun, ”Verksamhetsplan och avtalsprocess” (2020-08-25, https://www.uddevalla.se/o"
        "msorg-och-hjalp/folkhalsoarbete/overenskommelse-kommun--ideburen-sektor/ideburet-off"
        "entligt-partnerskap-iop/iop/2020-08-25-verksamhetsplan-och-avtalsprocess.html)). Att"
        " ingen förlängning kan följa på en uppsägning är verktygets modellval.",
    ),
    "T13": (
        "Beslut kända per en dag",
        "Revisionspraxis: en uppföljning bedömer vad nämnden hade beslutat vid tidpunkten. "
        "Att ett beslut räknas som känt samma dag som det fattas är verktygets modellval: det"
        " kan fortfarande överklagas (laglighetsprövning inom tre veckor, 13 kap. 5 § "
        "kommunallagen (2017:725)), och ett avtal binder oftast först när det har "
        "undertecknats.",
    ),
    "T14": (
        "Nya avtal och glapp",
        "Avtalspraxis (förnyat avtal); OCDS relatedProcess ”renewalProcess”; 360Giving "
        "relatedActivity.",
    ),
    "T15": (
        "Beslut utan beslutsdag",
        "Verktygets modellval: ett avtal är med säkerhet känt när det gäller, och att "
        "behandla en okänd beslutsdag som känd sedan alltid skulle låta ett senare beslut "
        "passera obemärkt (T13).",
    ),
    "T16": (
        "Ett nytt avtal ersätter ett löpande",
        "Verktygets modellval utifrån avtalspraxis (ett nytt avtal som ersätter ett som "
        "löper). En jurist kan i stället hävda att det tidigare avtalet bara upphör enligt "
        "sin egen uppsägningsklausul (T12, D5); registrera då en uppsägning.",
    ),
    "D1": (
        "Slutdag för tid i veckor, månader eller år",
        "1 § lagen (1930:173) om beräkning av lagstadgad tid, analogt: lagen gäller bara tid "
        "som bestäms i lag eller särskild författning, inte ett avtals egna frister. Lagen "
        "nämner inte dagar; att lägga till dem en i taget är verktygets tolkning.",
    ),
    "D2": (
        "Arbetsdag",
        "2 § lagen (1930:173); 1 § lagen (1989:253) om allmänna helgdagar. De allmänna "
        "helgdagarna hämtas från paketet holidays (kategorin public); de tre aftnarna anges i"
        " verktygets egen kod.",
    ),
    "D3": (
        "Sista dag på en ledig dag",
        "2 § lagen (1930:173). För ett avtals egna frister är flyttregeln en namngiven "
        "princip som verktyget tillämpar analogt.",
    ),
    "D4": (
        "Frist före en dag",
        "Verktygets eget modellval, byggt på 1 § lagen (1930:173) analogt; 2 § flyttar bara "
        "frister framåt och säger inget om tid som räknas bakåt.",
    ),
    "D5": (
        "Uppsägningstid",
        "Avtalspraxis: varje IOP-avtal anger avtalstid, uppsägningstid och hävning (Uddevalla"
        " kommun, ”Verksamhetsplan och avtalsprocess” (2020-08-25, https://www.uddevalla.se/o"
        "msorg-och-hjalp/folkhalsoarbete/overenskommelse-kommun--ideburen-sektor/ideburet-off"
        "entligt-partnerskap-iop/iop/2020-08-25-verksamhetsplan-och-avtalsprocess.html)); "
        "räkningen följer 1 § lagen (1930:173) analogt. Att uppsägningstidens slutdag själv "
        "kan vara sista giltiga dagen är verktygets modellval.",
    ),
    "D6": (
        "Rapport ska lämnas",
        "Avtalets egna villkor: varje IOP-avtal anger hur partnerskapet följs upp (Uddevalla "
        "kommun, ”Verksamhetsplan och avtalsprocess” (2020-08-25, https://www.uddevalla.se/om"
        "sorg-och-hjalp/folkhalsoarbete/overenskommelse-kommun--ideburen-sektor/ideburet-offe"
        "ntligt-partnerskap-iop/iop/2020-08-25-verksamhetsplan-och-avtalsprocess.html)); "
        "räkningen följer 1 § lagen (1930:173) analogt och flytten 2 § analogt, som en "
        "namngiven princip.",
    ),
    "D7": (
        "Försenad rapport",
        "Avtalets egna villkor; nämndens skyldighet att se till att verksamheten bedrivs "
        "enligt fullmäktiges mål (6 kap. 6 § kommunallagen (2017:725)). Att bara rapporter "
        "som kommit in senast dag D räknas är verktygets eget val (T13).",
    ),
    "M1": (
        "Exakta belopp",
        "Verktygets egen regel: pengar avrundas aldrig två gånger (A1); valutakoder enligt "
        "ISO 4217; 2**53 - 1 är det största heltal som varje JSON-läsare behåller exakt.",
    ),
    "M2": (
        "Inom avtalet",
        "Ekonomin är en del av varje IOP-avtal (Uddevalla kommun, ”Verksamhetsplan och "
        "avtalsprocess” (2020-08-25, https://www.uddevalla.se/omsorg-och-hjalp/folkhalsoarbet"
        "e/overenskommelse-kommun--ideburen-sektor/ideburet-offentligt-partnerskap-iop/iop/20"
        "20-08-25-verksamhetsplan-och-avtalsprocess.html)); att en insats ligger inom "
        "avtalstiden är verktygets modellval, samma som A2.",
    ),
    "M3": (
        "Känd insats",
        "T13 och T15 tillämpade på insatser.",
    ),
    "M4": (
        "Räkning för en period",
        "Verktygets modellval: ett årligt bidrag för juli–juni hör till två kalenderår i "
        "proportion till dagarna. Belopp för statsstödssignalerna räknas i stället på "
        "beslutsdagen (F2, F3).",
    ),
    "M5": (
        "Egen insats",
        "De vanliga IOP-kriterierna: båda parter bidrar med resurser (Malmö stad, ”IOP – "
        "Idéburet offentligt partnerskap” (https://malmo.se/Social---familjefragor/Organisati"
        "onsstod/IOP-Ideburet-Offentligt-Partnerskap.html): avtalet anger vilka resurser "
        "varje part bidrar med); att värdera timmar med ett timvärde som anroparen anger är "
        "verktygets modellval.",
    ),
    "F1": (
        "Ingen yttersta slutdag",
        "En risksignal, inte en rättsregel: Alingsåsavtalet (HFD 2020 ref. 15) kunde "
        "förlängas utan angiven gräns, men domstolens skäl var tjänster mot ekonomisk "
        "ersättning. OCDS maxExtentDate; T11.",
    ),
    "F2": (
        "De minimis-tak",
        "Förordning (EU) nr 1407/2013 (200 000 euro, till och med 2023-12-31) och förordning "
        "(EU) 2023/2831 (300 000 euro, från 2024-01-01): stödet räknas som beviljat när den "
        "rättsliga rätten till det uppstår. Rullande tre år för båda är verktygets "
        "(försiktiga) modellval.",
    ),
    "F3": (
        "De minimis-tak för SGEI",
        "Förordning (EU) nr 360/2012 (500 000 euro, till och med 2023-12-31) och förordning "
        "(EU) 2023/2832 (750 000 euro, från 2024-01-01).",
    ),
    "F4": (
        "Uppdrag över tio år",
        "Kommissionens beslut 2012/21/EU av den 20 december 2011, artikel 2.2: beslutet "
        "gäller bara när uppdraget inte är längre än tio år, eller, för längre tid, i den mån"
        " tjänsteleverantören behöver göra en betydande investering som måste skrivas av "
        "under längre tid enligt allmänt godtagna redovisningsprinciper. Avtalsfilerna anger "
        "inga investeringar, så flaggan kan inte se undantaget: en människa bedömer det.",
    ),
    "F5": (
        "Ingen egen insats",
        "De vanliga IOP-kriterierna: båda parter bidrar med resurser (Malmö stad, ”IOP – "
        "Idéburet offentligt partnerskap” (https://malmo.se/Social---familjefragor/Organisati"
        "onsstod/IOP-Ideburet-Offentligt-Partnerskap.html): avtalet anger vilka resurser "
        "varje part bidrar med). Att flagga när de saknas är verktygets eget val.",
    ),
    "F6": (
        "Offentliga pengar utan redovisningsskyldighet",
        "Verktygets eget val: offentliga pengar följs upp (nämnden ska se till att "
        "verksamheten bedrivs enligt fullmäktiges mål och att den interna kontrollen är "
        "tillräcklig, 6 kap. 6 § kommunallagen (2017:725)); varje IOP-avtal anger hur "
        "partnerskapet följs upp (Uddevalla kommun, ”Verksamhetsplan och avtalsprocess” "
        "(2020-08-25, https://www.uddevalla.se/omsorg-och-hjalp/folkhalsoarbete/overenskommel"
        "se-kommun--ideburen-sektor/ideburet-offentligt-partnerskap-iop/iop/2020-08-25-verksa"
        "mhetsplan-och-avtalsprocess.html)); D6.",
    ),
    "G1": (
        "Per en dag",
        "Revisionspraxis: en uppföljning bedömer vad som hade beslutats och gjorts vid den "
        "dag den gäller.",
    ),
    "G2": (
        "Sammanhängande avtalstid",
        "Överenskommelsen (skr. 2008/09:207): långsiktighet; ”minst tre år” i Mölndals avtal.",
    ),
    "G3": (
        "Dagen då målet nås",
        "T4 och T7 (verktygets regel för avtalstid).",
    ),
    "G4": (
        "Uppnått",
        "G1, G3.",
    ),
    "G5": (
        "Säkrat",
        "G1, G3; Mölndals beslut om förlängning 2019-12-19.",
    ),
    "G6": (
        "Kan inte uppnås",
        "T9 (ingen förlängning efter att avtalet löpt ut), T11, T12.",
    ),
    "G7": (
        "Inte säkrat",
        "T9, T14.",
    ),
    "G8": (
        "Återstående tid",
        "T6 (omvändningen av T4).",
    ),
    "G9": (
        "Löpt avtalstid",
        "Verktygets egen definition (G1: dag D räknas som förfluten); nyckeltalet covered.",
    ),
    "G10": (
        "Känt en tidigare dag",
        "Verktygets modellval: att skilja den dag frågan gäller från den dag kunskapen avser "
        "(T13) låter en revisor fråga vad nämnden kunde förutse.",
    ),
    "A1": (
        "Exakta antal",
        "Uppföljningspraxis: antal är hela personer och tillfällen; avrundning sker en gång, "
        "vid visning.",
    ),
    "A2": (
        "Inom avtalet",
        "Insatser och åtaganden är en del av varje IOP-avtal (Uddevalla kommun, "
        "”Verksamhetsplan och avtalsprocess” (2020-08-25, https://www.uddevalla.se/omsorg-och"
        "-hjalp/folkhalsoarbete/overenskommelse-kommun--ideburen-sektor/ideburet-offentligt-p"
        "artnerskap-iop/iop/2020-08-25-verksamhetsplan-och-avtalsprocess.html)); att de "
        "ligger inom avtalstiden är verktygets modellval.",
    ),
    "A3": (
        "Räknas en gång",
        "Uppföljningspraxis: ingen dubbelräkning.",
    ),
    "A4": (
        "Sammanställningar som går ihop",
        "Mölndals pressmeddelande: 26 tillfällen med i genomsnitt 40 besökare.",
    ),
    "A5": (
        "Räkna för en period",
        "T2; sammanställningar fördelas aldrig proportionellt (avrunda aldrig två gånger).",
    ),
    "A6": (
        "Medelvärde",
        "Aritmetik; IATI:s resultatstandard använder samma mått för en indikators utfall.",
    ),
    "A10": (
        "Rapport som kommit in",
        "T13 tillämpad på rapporter; revisionspraxis: vad nämnden kunde veta när den följde upp.",
    ),
    "A7": (
        "Perioden pågår",
        "G1; IATI:s resultatperioder.",
    ),
    "A8": (
        "Inga rapporter",
        "Verktygets eget val: utebliven uppföljning räknas aldrig tyst som uppfylld. Det "
        "tjänar nämndens skyldighet att se till att verksamheten bedrivs enligt fullmäktiges "
        "mål (6 kap. 6 § kommunallagen (2017:725)).",
    ),
    "A9": (
        "Måluppfyllelse",
        "IATI:s resultatstandard: indikatorns mått, riktning, utgångsvärde, målvärde och utfall.",
    ),
    "P1": (
        "Organisationsnummer",
        "Skatteverket, Organisationsnummer (SKV 709): den tredje siffran är alltid minst 2, "
        "och den tionde är en kontrollsiffra; 1 § lagen (1974:174) om identitetsbeteckning "
        "för juridiska personer m.fl.",
    ),
    "I1": (
        "Text är data",
        'Verktygets egen regel, efter CVE-2021-42574 ("Trojan Source", 2021-11-01, '
        "<https://trojansource.codes>) och Unicode Standard Annex #9. Ett ensamt "
        "surrogattecken kan inte skrivas som UTF-8.",
    ),
    "T17": (
        "Unika id",
        "Verktygets egen regel. Två partnerskap med samma id skulle slås ihop i en kalender "
        "(ett UID är en händelse, RFC 5545 avsnitt 3.8.4.7) och i öppna data (ett bidrags-id "
        "i 360Giving, ett kontrakts-id i OCDS).",
    ),
    "F7": (
        "Beslutat efter att avtalstiden började",
        "Verktygets egen signal (ett beslut efter starten kan vara ett retroaktivt bidrag, "
        "som en nämnd kan vilja se; ett verkligt fall: Kramfors kommun, kommunstyrelsen "
        "2023-05-16, för en IOP för 2023–2025, nyhet 2023-05-23, https://www.kramfors.se/nyhe"
        "ter/nyheter/kommun--demokrati/kommun--demokrati/2023-05-23-kramfors-kommun-ingar-par"
        "tnerskap-med-kvinnojour.html). G2 och dagar utan beslut räknar sådana dagar för "
        "efterföljande avtal.",
    ),
    "T18": (
        "Förlängningsoptioner",
        "Verkliga avtal: gäller till och med 2023-03-31 med möjlighet till ett års "
        "förlängning om båda parter är överens (Uddevalla kommun, nyhet 2021-05-24, "
        "överenskommelsen med Synskadades Riksförbund, https://www.uddevalla.se/kommun-och-po"
        "litik/nyheter/nyhetsarkiv/2021-05-24-nya-overenskommelser-med-foreningen-saronhuset-"
        "och-synskadades-riksforbund.html); OCDS contract.period.maxExtentDate och "
        "tender.hasOptions. Verktygets modellval.",
    ),
    "P2": (
        "Flera parter",
        "Verkliga beslut med flera parter: Göteborgs Stad, social resursnämnd, pengar för "
        "unga i Nordstan till Fryshuset (730 000 kr) och Skyddsvärnet (320 000 kr) (Tidningen"
        " Syre Göteborg 2018, nummer 133, https://tidningensyre.se/goteborg/2018/nummer-133/f"
        "lyttbart-vardagsrum-ska-oka-tryggheten-unga-nordstan/). Verktygets modellval.",
    ),
}
