// Word lists behind the name heuristics: given names, family names written first, the words that end an
// organisation's name, the words that introduce a person, and capitalised words that are never names.

const list = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Given names common in business and technology news (English and international). */
export const givenNames = list(`
  Aaron Abigail Adam Adrian Ahmed Aidan Alan Albert Alec Alejandro Alex Alexander Alexandra Alexandr Alexis Ali
  Alice Alison Allison Amanda Amit Amy Ana Anand Andre Andrea Andreas Andrew Andy Angela Anil Anita Ann Anna Anne
  Anthony Antoine Antonio Anuj Arjun Arthur Arvind Ashley Ashish Ben Benjamin Bernard Beth Bill Bob Brad Bradley
  Brandon Brendan Brian Bruce Bryan Carl Carla Carlos Carol Caroline Catherine Charles Charlie Chris Christian
  Christina Christine Christopher Claire Clara Colin Craig Cynthia Dan Daniel Daniela Danielle Dario Darren Dave
  David Deborah Demis Dennis Derek Diana Diane Dmitri Dominic Donald Doug Douglas Dylan Ed Eddie Edward Elena Eli
  Elizabeth Ellen Elon Emily Emma Eric Erik Erin Ethan Eugene Eva Evan Fabio Faisal Felix Fernando Fiona Francesca
  Francesco Francis Frank Fred Gabriel Gareth Gary Gautam George Gerald Gina Giovanni Giulia Glenn Grace Graham
  Greg Gregory Guillaume Hannah Hans Harry Heather Heidi Helen Henry Hiroshi Holly Howard Hugo Ian Igor Ilya Irene
  Isaac Isabel Ivan Jack Jacob Jake James Jamie Jan Jane Janet Jared Jason Javier Jay Jean Jeff Jeffrey Jennifer
  Jenny Jensen Jeremy Jerome Jessica Jim Joan Joanna Joe Joel Johan John Jon Jonathan Jordan Jorge Jose Joseph Josh
  Joshua Juan Judith Julia Julian Julie Justin Kai Karen Karl Kate Katherine Kathleen Kathy Keith Kelly Ken Kenneth
  Kevin Kim Kimberly Klaus Kumar Kyle Lara Larry Laura Lauren Leo Leon Lina Linda Lisa Liz Louis Lucas Lucy Luis
  Luke Manuel Marc Marco Marcus Margaret Maria Marie Mark Martin Mary Masayoshi Matt Matthew Max Maya Megan
  Melissa Michael Michelle Miguel Mike Mira Mohammed Mohamed Muhammad Monica Mustafa Nadia Nancy Naomi Natalie
  Nathan Neil Nicholas Nick Nicole Nikhil Nina Noah Noam Oliver Olivia Omar Oscar Pablo Pamela Pat Patrick Paul
  Paula Pedro Peter Philip Philipp Pierre Priya Rachel Rahul Raj Rajesh Ralph Ramesh Ravi Raymond Rebecca Reid
  Richard Rick Rita Rob Robert Robin Roger Ronald Rosa Ruth Ryan Sabrina Safra Sam Samantha Samuel Sandra Sanjay
  Sara Sarah Satya Scott Sean Sebastian Sergey Sergio Shantanu Sharon Shawn Simon Sofia Sophie Stefan Stephanie
  Stephen Steve Steven Stuart Sue Sundar Susan Suzanne Tanya Ted Teresa Terry Thomas Tim Timothy Tina Todd Tom
  Tony Tracy Travis Trevor Tyler Valerie Vanessa Victor Victoria Vikram Vincent Vinod Virginia Vivek Walter
  Wayne Wendy William Xavier Yann Yoshua Yuki Yusuf Zach Zachary Zoe Stacy Stacey Tracey Toni Dana Lori Leslie
  Rene Renee Janice Gwynne Ginni Meg Marissa Sheryl Susie Ivy Lily Jasmine Amber Bethany Brooke Kristin Kristen
  Krishna Sundar Satoshi Takeshi Kenji Hideki Yoshimitsu Junichi Akira Haruki
  Arvind Ajay Sunil Rohit Raghu Srinivas Venkat Vijay Deepak Sachin Shankar Naveen Pradeep Prakash Ramesh
  Mohit Neha Pooja Shreya Ananya Kavya Divya Meera Sanjiv Jeet Ritu Rishi Ravi Harsh Tarun Varun Aravind Aidan
  Ahmad Hassan Hussein Karim Khalid Tariq Omar Layla Yasmin Fatima Leila Nour Rania Dmitry Sergei Alexei Mikhail
  Vladimir Oleg Olga Natalia Tatiana Anastasia Irina Pavel Piotr Tomasz Marek Jakub Lukasz Jens Lars Nils Sven
  Henrik Mats Magnus Bjorn Pekka Mikko Joost Pieter Willem Bram Matthias Jurgen Wolfgang Gerhard Dieter Uwe
  Christophe Thierry Olivier Nicolas Laurent Emmanuel Benoit Timothee Mathieu Julien Luc Guido Paolo Luca Matteo
  Stefano Alessandro Lorenzo Marta Carmen Lucia Javier Diego Rafael Mateo Camila Valentina Joao Thiago Gustavo
  Wei Ming Hui Jing Yan Lei Chen Feng Tao Xin Hao Yu Bo Kai-Fu Fei-Fei Lip-Bu Cheng Hock Morris Wendell Jay
  Lucie Camille Chloe Manon Pauline Amelie Elise Louise Ines Margaux Hugo Theo Lea Elsa Ingrid Astrid Greta
  Hanna Johanna Katharina Lena Leonie Anja Birgit Sabine Ursula Petra Monika Franziska Marina Elena Sofia
`);

/** Chinese family names, which news writes first ("Liang Wenfeng", "Yang Zhilin"). */
export const chineseFamilyNames = list(`
  Bai Cai Cao Chen Cheng Cui Dai Deng Ding Dong Du Duan Fan Fang Feng Fu Gao Gong Gu Guo Han Hao Hou Hu Huang
  Jia Jiang Jin Kang Kong Lai Lei Li Liang Liao Lin Liu Long Lu Luo Ma Mao Meng Pan Peng Qian Qin Qiu Ren Shao Shen
  Shi Song Su Sun Tan Tang Tian Wan Wang Wei Wen Wu Xia Xiao Xie Xiong Xu Xue Yan Yang Yao Ye Yi Yin Yu Yuan Zeng
  Zhang Zhao Zheng Zhong Zhou Zhu Zou
`);

/** One or two Mandarin syllables in pinyin without tones: a given name such as "Wenfeng" or "Zhilin". */
const syllable =
  "(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|a|e|i|o|u|v)";
export const pinyinGivenName = new RegExp(`^(?:${syllable})(?:${syllable})?$`, "i");

/**
 * Number words: "Thirty days out…", "Ten million downloads…" open a sentence with a capital without naming anyone.
 */
export const numberWords = list(`
  One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen Seventeen
  Eighteen Nineteen Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety Hundred Hundreds Thousand Thousands
  Million Millions Billion Billions Trillion Dozen Dozens Half Quarter Double Triple Once Twice
`);

/** Last words of an organisation's name; legal forms are dropped from the normalised name. */
export const legalSuffixes = list("Inc Corp Corporation Co Ltd LLC PLC plc AG SE SA NV N.V GmbH Limited");
export const orgSuffixes = list(`
  Inc Corp Corporation Co Ltd LLC PLC AG SE GmbH Limited Group Holdings Technologies Technology Labs Lab Systems
  Semiconductor Semiconductors Capital Partners Ventures Bank Robotics Networks Motors Energy Electronics
  Microsystems Software Analytics Securities Associates Institute University Foundation Commission Department
  Agency Authority Administration Council Ministry Court Computing Dynamics Therapeutics Media Entertainment
  Studios Games Communications Telecom Airlines Pharmaceuticals Fund Management Advisors Investments Intelligence
  Research Industries Instruments Devices Solutions Platforms Interactive Bancorp Insurance AI Office
`);

/** Words before "of" that open an organisation's name: "University of Tokyo", "Ministry of Finance". */
export const orgHeads = list("University Department Ministry Bank Institute Bureau Office Board Court Academy");

/** Lower-case words just before a name that say the name is a person's. */
export const personCues = list(`
  executive ceo cfo cto coo president chairman chairwoman chair founder co-founder cofounder analyst analysts
  officer director head spokesperson spokesman spokeswoman minister secretary senator judge researcher scientist
  professor investor economist strategist manager partner chief boss engineer lawmaker governor mayor commissioner
  representative rep. sen. founders researchers hired named appointed promoted poached recruited tapped
`);

/** Honorifics that precede a person's name. */
export const honorifics = list(
  "Mr Mrs Ms Dr Prof Sir Dame Lord Sen Rep Gov Justice Judge Senator Governor President Minister Secretary Commissioner Chancellor Congressman Congresswoman",
);

/**
 * Capitalised words that are not names (sentence openers, months, days, headline words). A run of capitals that
 * starts with one of these is not a person and not an organisation.
 */
export const notNames = list(`
  A An The This That These Those It Its In On At For From By With Without As After Before Under Over Into Onto
  About Above Around Behind Beyond Inside Outside Toward Towards Ahead Back Down Up Out Off Why Inside Is Are Was
  Were Be Been Being Has Had Do Does Did Can Could Will Would Should Must Might Says Said Sees Warns Plans Wants
  Expects Joins Leaves Unveils Launches Raises Cuts Buys Sells Wins Loses Gets Takes Makes Adds Hits Tops
  And But Or Nor If When While Where Why How What Which Who Whom Whose Since Until Despite Although Though
  Because Also Even Still Yet Then Now Here There Meanwhile However Moreover Analysts Investors Shares Stocks
  Some Many Most More Several Other Others Both Each Every All Any No Not Our Their His Her My Your We They He She
  I You Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
  August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Q1 Q2 Q3 Q4
  Chief Executive Officer Financial Technology President Chairman Founder Senior Vice General Global
  International National Federal State Central Northern Southern Eastern Western North South East West New Old
  First Second Third Last Next Big Small Large Open Generative Agentic Physical Sovereign Enterprise Responsible
  Conversational Embodied Edge Frontier Artificial Machine Deep Human Superintelligence Quantum Digital Cloud
  Data Read Keep Have Send Watch Subscribe Sign Updated Editor Editors Note Photo Source Sources Related Why
  According Under Following Including Excluding Like Unlike Among Between Against Across Through During Within
  Upon Per Via Day Week Month Year Today Tomorrow Yesterday Tonight Morning Evening Street Market Markets
  AI GPU GPUs CPU CPUs LLM LLMs API APIs IPO CEO CFO CTO EPS HBM Inc Corp Co Ltd
  American British Chinese European French German Japanese Korean Indian Taiwanese Canadian Israeli Saudi
  Emirati Dutch Swiss Italian Spanish Russian Asian African Arab Western Australian Brazilian Mexican Irish
  Nordic Swedish Finnish Danish Norwegian Polish Singaporean Vietnamese Indonesian Malaysian Thai Turkish
`);
