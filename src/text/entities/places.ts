import { nameRows } from "./name-table.ts";

// Place names: countries, US states, regions, and the cities and sites AI-industry news is datelined in or writes
// about (data-centre towns included). A row's first name is the canonical form.

export const places: readonly (readonly string[])[] = nameRows(`
# Countries
United States|U.S.|US|USA|U.S.A.|America|United States of America
United Kingdom|UK|U.K.|Britain|Great Britain; China|PRC|mainland China; Taiwan; Japan; South Korea|Korea
North Korea; India; Germany; France; Italy; Spain; Portugal; Netherlands|the Netherlands|Holland; Belgium
Switzerland; Austria; Sweden; Norway; Finland; Denmark; Ireland; Poland; Czech Republic|Czechia; Hungary
Greece; Romania; Ukraine; Russia; Turkey|Türkiye; Israel; Saudi Arabia; United Arab Emirates|UAE|U.A.E.; Qatar
Kuwait; Bahrain; Oman; Egypt; Morocco; Nigeria; Kenya; South Africa; Canada; Mexico; Brazil; Argentina; Chile
Colombia; Australia; New Zealand; Singapore; Malaysia; Indonesia; Thailand; Vietnam
Philippines|the Philippines; Pakistan; Bangladesh; Kazakhstan; Iceland; Luxembourg; Estonia
# US states
Alabama; Alaska; Arizona; Arkansas; California; Colorado; Connecticut; Delaware; Florida; Georgia; Hawaii
Idaho; Illinois; Indiana; Iowa; Kansas; Kentucky; Louisiana; Maine; Maryland; Massachusetts; Michigan
Minnesota; Mississippi; Missouri; Montana; Nebraska; Nevada; New Hampshire; New Jersey; New Mexico
New York State; North Carolina; North Dakota; Ohio; Oklahoma; Oregon; Pennsylvania; Rhode Island
South Carolina; South Dakota; Tennessee; Texas; Utah; Vermont; Virginia; Washington State; West Virginia
Wisconsin; Wyoming
# Regions
Europe; Asia; Africa; North America; South America; Latin America; Middle East; Gulf; Persian Gulf
Southeast Asia; East Asia; Asia-Pacific; Scandinavia; Nordics; Silicon Valley; Bay Area
San Francisco Bay Area; Midwest; Pacific Northwest; Northern Virginia; Greater Bay Area; Hsinchu Science Park
Shenzhen Bay; Zhongguancun
# Cities and towns
San Francisco; New York; New York City; Washington; Washington, D.C.; Los Angeles; Seattle; Redmond
Mountain View; Menlo Park; Palo Alto; Cupertino; Santa Clara; San Jose; Sunnyvale; Austin; Houston; Dallas
San Antonio; Abilene; Shackelford County; Milam County; Memphis; Nashville; Atlanta; Boston; Cambridge
Chicago; Denver; Phoenix; Las Vegas; San Diego; Portland; Salt Lake City; Columbus; New Albany
Richland Parish; Mount Pleasant; Lordstown; Pittsburgh; Philadelphia; Miami; Detroit; Minneapolis; Ashburn
Loudoun County; Boise; London; Waltham Cross; Manchester; Edinburgh; Oxford; Blyth; Paris; Berlin; Munich
Frankfurt; Hamburg; Amsterdam; Eindhoven; Veldhoven; Brussels; Zurich; Geneva; Stockholm; Oslo; Helsinki
Copenhagen; Dublin; Madrid; Barcelona; Milan; Rome; Lisbon; Vienna; Warsaw; Prague; Tallinn; Freiburg; Dresden
Magdeburg; Grenoble; Tel Aviv; Jerusalem; Riyadh; Abu Dhabi; Dubai; Doha; Cairo; Lagos; Nairobi; Johannesburg
Cape Town; Beijing; Shanghai; Shenzhen; Hangzhou; Guangzhou; Chengdu; Wuhan; Nanjing; Suzhou; Hefei; Hong Kong
Macau; Taipei; Hsinchu; Tainan; Kaohsiung; Taichung; Tokyo; Osaka; Kyoto; Kumamoto; Yokohama; Seoul
Pyeongtaek; Icheon; Busan; Singapore City; Kuala Lumpur; Johor; Jakarta; Bangkok; Hanoi; Ho Chi Minh City
Manila; Bengaluru; Bangalore; Mumbai; New Delhi; Delhi; Hyderabad; Chennai; Pune; Visakhapatnam; Toronto
Montreal; Vancouver; Ottawa; Mexico City; Sao Paulo; São Paulo; Buenos Aires; Santiago; Sydney; Melbourne
Auckland
# Sites
White House; Capitol Hill; Kremlin; Downing Street; Zhongnanhai
`);
