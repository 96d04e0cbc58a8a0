import type { SeedArticle } from "../types";

export const batchB: SeedArticle[] = [
  // ---------------------------------------------------------------- world
  {
    slug: "orlenia-and-tavira-sign-river-port-deal-to-ease-grain-queues-at-the-border",
    title: "Orlenia and Tavira sign river-port deal to ease grain queues at the border",
    standfirst:
      "The two neighbours will run a joint customs office at the port of Dunmere, letting harvest cargo move onto barges without being inspected three times in forty kilometres.",
    section: "world",
    author: "amara-okafor",
    daysAgo: 5,
    hour: 9,
    tags: ["Trade", "Transport", "Labour"],
    source: { name: "Gazette reporting" },
    mustRead: true,
    body: `Queues of grain lorries stretching eleven kilometres back from the Selva crossing could become a thing of the past after the governments of Orlenia and Tavira signed an agreement on Thursday to share the river port at Dunmere and run a joint customs post on its quayside.

The deal, concluded after fourteen months of talks, allows Orlenian exporters to load barges on Tavirian territory without a second round of inspections. Officials on both sides say it should cut the average wait for a cargo of wheat from three days to less than one by the end of the harvest season.

## Why the border became a bottleneck

The Selva crossing was built for a few hundred lorries a day. Last autumn, as the upland farms of northern Orlenia brought in a record crop, it handled more than two thousand. Drivers slept in their cabs for up to four nights, and several cooperatives reported grain spoiling in the heat before it ever reached the coast.

Barges are the obvious alternative. The Selva is navigable from Dunmere to the sea, and a single vessel carries the load of about sixty lorries. Until now, however, cargo heading for the port had to clear Orlenian export checks, cross the bridge, clear Tavirian import checks and then be inspected again at the estuary before sailing.

> "We were checking the same sacks of wheat three times in forty kilometres," said Irena Vask, the Tavirian deputy minister for transport, who led her country's delegation. "Nobody was any safer for it. Everyone was poorer."

## What the agreement changes

Under the text published by both governments, the main provisions are:

- a joint customs office on the Dunmere quay, staffed by officers from both countries working from a single inspection record;
- a dedicated lane on the Selva bridge for lorries bound for the port, open from five in the morning to ten at night during the harvest;
- shared funding for dredging the upper channel, split evenly over the next six years;
- a review after two seasons, with either side able to withdraw on twelve months' notice.

The agreement does not cover livestock or fertiliser, which remain subject to separate rules, and it leaves fishing rights on the lower river untouched. That subject derailed an earlier round of negotiations and both delegations were keen to keep it off the table.

## Reaction along the river

Farmers' groups in Orlenia welcomed the deal but warned that the port's two cranes will struggle if volumes rise as quickly as forecast. Dunmere's harbour master, Pavel Ostrik, said a third crane had been ordered but would not arrive before the spring.

Dockworkers were more cautious. Their union has asked for guarantees that the joint office will not be used to justify longer shifts, and says it will watch the first season closely.

> "More barges means more work, and we want that work," said Mila Renko, a crane operator and union representative. "But it has to be done by enough people, on hours that let them go home."

Trade economists describe the deal as modest by international standards but point to its symbolic weight. The two countries spent much of the past decade arguing over the river; this is the first agreement in a generation to treat it as shared infrastructure rather than a line on a map.

The first barges under the new arrangements are expected to leave Dunmere within a fortnight.`,
    comments: [
      {
        name: "Henrik Lassner",
        email: "h.lassner@example.com",
        body: "I drove that crossing twice last harvest. Three nights in the cab with no toilets nearby. Anything that moves volume onto the river is welcome.",
        status: "approved",
        minutesAfter: 47,
        replies: [
          {
            name: "Dorota Wilk",
            email: "dorota.wilk@example.net",
            body: "Same here. The dedicated bridge lane will help, but only if someone actually enforces it.",
            status: "approved",
            minutesAfter: 132,
          },
        ],
      },
      {
        name: "Marek Solvay",
        email: "marek.solvay@example.com",
        website: "https://example.net/marek-on-trade",
        body: "Worth noting the dredging costs are split evenly even though Orlenia sends most of the cargo. I'd be curious how that was justified.",
        status: "approved",
        minutesAfter: 310,
      },
    ],
  },

  // ---------------------------------------------------------------- politics
  {
    slug: "harwick-council-backs-plan-to-turn-empty-offices-into-400-homes",
    title: "Harwick council backs plan to turn empty offices into 400 homes",
    standfirst:
      "Councillors voted by a narrow margin to convert three vacant office blocks near the station, but opponents say the flats will be too small and too expensive for local families.",
    section: "politics",
    author: "lukas-brenner",
    daysAgo: 1,
    hour: 18,
    tags: ["Housing", "Local Government", "Elections"],
    source: {
      name: "Harwick Borough Council planning committee",
      url: "https://example.org/harwick/planning/mill-street-decision",
    },
    body: `Harwick Borough Council has approved a plan to convert three empty office blocks on Mill Street into around 400 flats, after a planning meeting that ran past eleven o'clock on Tuesday night and ended in a vote of seven to five.

The buildings housed the regional headquarters of an insurance firm until it moved most of its staff to remote working, and have stood largely empty for three years. Their owner, Crestline Property, intends to convert them in stages, beginning with the tallest block beside the railway station.

## What was approved

The permission granted on Tuesday covers:

1. 402 flats across the three buildings, of which 60 will be let at rents capped at 80 per cent of the local market rate;
2. a ground-floor health clinic, to be leased to the district health service on a fifteen-year term;
3. secure storage for 500 bicycles and no new car parking spaces;
4. a payment of £1.2m towards additional primary school places in the town centre.

Ruth Adeyemi, the council's head of planning, told the committee that the scheme was the largest single addition to the town's housing supply in more than a decade, and that leaving the blocks empty carried its own costs.

> "Empty offices do not pay business rates for long, they attract vandalism and they make the station quarter feel abandoned after six o'clock," she said. "This is not a perfect scheme, but the alternative on the table is nothing."

## The objections

Five councillors voted against, most of them from the opposition Independent group. Their objections centred on three points. About a third of the flats are studios smaller than 37 square metres. The share of homes at capped rents, 15 per cent, falls well short of the council's own target of 25 per cent. And the scheme includes no homes with three or more bedrooms.

> "We have a waiting list of 3,100 households, and most of them are families," said Councillor Graham Feld, who represents the neighbouring Cooper's Hill ward. "Studios by the station will fill up quickly, but they will not shorten that list by very much."

Crestline says that deep-plan office floors are poorly suited to larger flats, which need windows in more rooms, and that a 25 per cent affordable share would make the conversion unviable. The council's independent assessor broadly agreed, although her report described some of the developer's assumptions about construction costs as "on the cautious side".

Residents who spoke at the meeting were split. Several welcomed the prospect of more people living in the town centre and supporting its shops. Others worried about pressure on the local surgery, which already closes its list to new patients for part of each year.

## What happens next

Work on the first block is due to begin in the spring, with the first tenants expected to move in roughly eighteen months later. The council will set up a monitoring group to check that the capped-rent flats are allocated through its own waiting list.

With local elections due in May, the decision is likely to remain a live issue. The council leader, Nadia Brook, said she was confident voters would judge the administration on whether the homes were built, not on the length of the debate.`,
    comments: [
      {
        name: "Priya Venkatesan",
        email: "priya.v@example.com",
        body: "Finally. Those blocks have been an eyesore since the insurer left. More people living near the station can only help the high street.",
        status: "approved",
        minutesAfter: 38,
        replies: [
          {
            name: "Colin Ashdown",
            email: "colin.ashdown@example.net",
            body: "Help the high street, maybe. Help the 3,100 families on the waiting list, not really. Both things can be true.",
            status: "approved",
            minutesAfter: 95,
          },
          {
            name: "Jo Rennard",
            email: "jo.rennard@example.com",
            body: "Does anyone know whether the capped rents are fixed for the life of the building or only for the first few years?",
            status: "pending",
            minutesAfter: 160,
          },
        ],
      },
      {
        name: "Graham Pell",
        email: "gpell@example.net",
        body: "Small correction: Cooper's Hill isn't next to Mill Street, there's the whole of Bridge ward in between. Doesn't change the argument though.",
        status: "approved",
        minutesAfter: 240,
      },
      {
        name: "Annika Holm",
        email: "annika.holm@example.com",
        body: "No car parking at all seems optimistic for a town with one bus an hour after 7pm.\nI'd like to see the transport assessment.",
        status: "approved",
        minutesAfter: 415,
      },
      {
        name: "Ben Tasker",
        email: "ben.tasker@example.net",
        body: "Another developer gets its way and calls it regeneration. Wait and see how many of these end up as short-let flats.",
        status: "pending",
        minutesAfter: 530,
      },
    ],
  },

  // ---------------------------------------------------------------- business
  {
    slug: "lindenfeld-bakeries-club-together-to-buy-energy-in-bulk",
    title: "Lindenfeld bakeries club together to buy energy in bulk",
    standfirst:
      "Eleven independent bakers in Lindenfeld have formed a buying group to negotiate a shared electricity and gas contract, after two winters of bills that threatened to close several of them.",
    section: "business",
    author: "sofia-marquez",
    daysAgo: 9,
    hour: 7,
    tags: ["Energy", "Labour", "Local Government"],
    body: `At half past four in the morning, the ovens at Marta Greiner's bakery on Kessel Lane are already at full temperature. They will stay that way for most of the next ten hours, and for the past two winters they have been the single largest reason the business nearly closed.

Ms Greiner is one of eleven independent bakers in Lindenfeld who have now formed a buying group to negotiate their electricity and gas as a single customer. The group signed its first contract last week, a three-year fixed-price deal with a regional supplier, and its members expect to save between 12 and 18 per cent on what they were paying individually.

## Why bakers were hit so hard

Few small businesses use as much energy relative to their turnover as bakeries. Ovens, proving cabinets and refrigeration run for long hours, and margins on bread are thin. When wholesale prices spiked, most of Lindenfeld's bakers were on short contracts that renewed at the worst possible moment.

> "My bill tripled in one letter," said Ms Greiner, who has run the shop for nineteen years. "I could not put the price of a loaf up by the same amount. People would simply stop coming."

Two bakeries in the town closed during that period. Those that survived cut opening hours, reduced staff or, in several cases, stopped paying themselves for months at a time.

## How the group works

The idea came from Tobias Renn, who runs a bakery and café near the market square and previously worked in procurement for a food manufacturer. He noticed that together the town's bakers used about as much energy as a medium-sized factory, but were being offered small-business prices.

The arrangement has a few simple features:

- each member keeps its own meter and pays its own bills, so no one is liable for another's debts;
- the group negotiates as one customer, with a single agreed contract length and price;
- a small annual fee covers the cost of an independent energy broker, who checks offers and reviews usage;
- members share anonymised consumption data so the group can spot waste, such as ovens left on standby overnight.

The town council helped by lending the group a meeting room and connecting it to the chamber of commerce's legal adviser, who drafted the membership agreement free of charge.

## Savings beyond the contract

Several members say the most useful part has been comparing notes rather than the price itself. By looking at each other's meter readings, three bakeries discovered that their refrigeration units were using far more power than similar equipment elsewhere in the group. Two have since replaced door seals; one has replaced a compressor.

> "We used to see each other as competitors," Mr Renn said. "We still are, on the croissants. On the electricity, we are colleagues."

Staff have noticed the difference too. At least two bakeries that cut hours last year have restored them, and one has taken on an apprentice for the first time since before the price spike.

The chamber of commerce says butchers and dry cleaners in neighbouring towns have asked how the model works. The group plans to publish a short guide in the new year, though its members are clear that the approach only succeeds if participants trust one another with their numbers.`,
    comments: [
      {
        name: "Lotte Van Damme",
        email: "lotte.vd@example.com",
        body: "Lovely story. Greiner's rye bread is the best in the district and I'm glad she's still open.",
        status: "approved",
        minutesAfter: 65,
      },
      {
        name: "Stefan Orr",
        email: "s.orr@example.net",
        body: "Three-year fixed deals can bite if prices fall next year. Did the group build in any break clause? The article doesn't say.",
        status: "approved",
        minutesAfter: 220,
      },
    ],
  },

  // ---------------------------------------------------------------- technology
  {
    slug: "northfold-hospitals-pause-ai-triage-pilot-after-questions-over-patient-data",
    title: "Northfold hospitals pause AI triage pilot after questions over patient data",
    standfirst:
      "A trial that used software to sort emergency patients by urgency has been suspended while the health trust reviews how records were shared with the system's supplier.",
    section: "technology",
    author: "daniel-hart",
    daysAgo: 13,
    hour: 11,
    tags: ["Artificial Intelligence", "Data Privacy", "Health"],
    source: {
      name: "Northfold Health Trust",
      url: "https://example.org/northfold/ai-triage-review",
    },
    body: `Northfold Health Trust has suspended a pilot in which software helped decide which emergency department patients should be seen first, after patients and staff raised concerns about how much of their medical history had been passed to the company that built it.

The six-month trial began in the spring at Brackenmoor General and the smaller Kestrel Road Hospital. It was due to finish in October. The trust says no patient came to harm as a result of the system, and that the pause is precautionary while an independent review takes place.

## How the pilot worked

When patients arrived at either emergency department, a nurse recorded their symptoms and vital signs as usual. That information, together with selected details from the patient's existing record, was sent to a model run by Quillan Health Software, which returned a suggested priority score.

Nurses were free to overrule the score, and the trust says they did so in about one case in nine. Early internal figures suggested that waiting times for the most urgent patients fell slightly during the trial, although the trust cautions that winter pressures had not yet arrived.

## What patients objected to

The concerns surfaced when a patient at Brackenmoor requested a copy of the data held about her and found that the supplier had received far more than her triage notes. The extract included diagnoses going back more than a decade, previous prescriptions and the outcomes of earlier admissions.

> "I went in with a broken wrist," said Leah Donnelly, who has since complained to the trust. "I did not expect a private company to be reading about a miscarriage I had eleven years ago."

The trust says the wider extract was included because the model's designers believed historical conditions improved its accuracy, and that the data was encrypted and held in the supplier's secure environment. It accepts, however, that the patient information leaflets given out during the pilot did not explain this clearly.

Staff groups have raised a separate point. Several nurses told Gazette they were uneasy about overriding the software, worried that they would be asked to justify their decisions if a patient later deteriorated.

## What the review will examine

The independent review, led by a panel that includes a clinical ethicist and a data protection specialist, will address several questions:

1. whether the volume of historical data shared with the supplier was necessary for the tool to function;
2. whether patients were given a meaningful opportunity to opt out;
3. how long the supplier retained data after each assessment, and whether any of it was used to further train the model;
4. how nurses' decisions to overrule the software were recorded and reviewed.

> "Tools like this may well have a place in emergency care," said Dr Helen Marsh, the trust's chief medical officer. "But they only keep that place if patients trust us with the information that makes them work."

Joseph Amadi, who chairs the Northfold Patients' Forum, welcomed the pause and asked that the review's findings be published in full. Quillan Health Software said it was co-operating and that it had deleted historical records not needed for ongoing safety monitoring.

The review is expected to report within three months. Further details are available from the [trust's review page](https://example.org/northfold/ai-triage-review).`,
    comments: [
      {
        name: "Ravi Banerjee",
        email: "ravi.banerjee@example.com",
        body: "As an A&E nurse elsewhere: the point about overriding the score is real. Once a number is on the screen, you need a very good reason to go against it.",
        status: "approved",
        minutesAfter: 54,
        replies: [
          {
            name: "Clare Whitlow",
            email: "clare.whitlow@example.net",
            body: "Agreed. The one-in-nine override rate sounds healthy to me though. It means people were still using their own judgement.",
            status: "approved",
            minutesAfter: 118,
          },
        ],
      },
      {
        name: "Ollie Grant",
        email: "ollie.grant@example.com",
        website: "https://example.net/ollie-writes",
        body: "Ten years of diagnoses for a triage score is wildly disproportionate. Who signed off the data protection assessment?",
        status: "approved",
        minutesAfter: 205,
      },
      {
        name: "Hannah Cole",
        email: "hannah.cole@example.net",
        body: "I was at Kestrel Road during the trial and was never told about any of this. How do I find out if my record was included?",
        status: "pending",
        minutesAfter: 470,
      },
    ],
  },

  // ---------------------------------------------------------------- science
  {
    slug: "seagrass-meadows-in-calloway-bay-recovering-faster-than-expected-survey-finds",
    title: "Seagrass meadows in Calloway Bay recovering faster than expected, survey finds",
    standfirst:
      "Diver and drone surveys show replanted seagrass now covers nearly three times the area scientists predicted, raising hopes for similar restoration projects elsewhere along the coast.",
    section: "science",
    author: "mei-lin-chen",
    daysAgo: 0,
    hour: 6,
    tags: ["Oceans", "Climate"],
    source: {
      name: "Eastmoor University Press Office",
      url: "https://example.org/press/2026-calloway-seagrass",
    },
    mustRead: true,
    body: `Seagrass planted in Calloway Bay four years ago has spread far more quickly than anyone involved in the project expected, according to a survey published this week by marine scientists at Eastmoor University.

Volunteers and researchers replanted about four hectares of the bay in a series of autumn campaigns, using seeds collected by hand from a surviving meadow further along the coast. Models at the time suggested the planted area might grow to around nine hectares by now. The new survey, combining diver transects with high-resolution drone images taken at low tide, puts the figure at 26 hectares.

## Why it matters

Seagrass meadows are among the most productive habitats in coastal waters. They shelter juvenile fish, stabilise sediment on the seabed and store carbon in the mud beneath them, in some cases for centuries. Across much of the region they were lost during the last century to disease, dredging, pollution and damage from boat anchors.

> "We planted with the expectation that we were starting something our successors might see finished," said Dr Farida Osei, the marine ecologist who led the survey. "We did not expect to be the ones measuring it at this scale."

## What might explain the growth

The team is careful not to attribute the recovery to a single cause, but the paper identifies several factors that probably helped:

- water clarity in the bay improved markedly after an upgrade to the sewage outfall at Calloway Point, allowing more light to reach the seabed;
- three consecutive mild winters with few severe storms left young shoots undisturbed;
- a scheme that replaced traditional chain moorings with floating eco-moorings reduced scouring of the seabed by around two thirds in the busiest anchorage;
- natural seeding from the planted patches appears to have been more successful than assumed, with new shoots appearing up to 300 metres from the original plots.

The survey also recorded a marked increase in juvenile fish. Counts of young pollack and wrasse in the meadows were several times higher than on nearby bare sand, a pattern seen in other restored sites.

## Reasons for caution

Dr Osei stresses that a single bay is not proof that the approach will work everywhere. Seagrass is sensitive to sudden changes in water quality, and one severe storm season or a failure at the outfall could set the meadows back by years.

Independent researchers who reviewed the findings broadly welcomed them. Professor Anders Lyle, a coastal ecologist at the University of Harrowgate Sound, said the measurement methods were sound but noted that carbon storage in young meadows is modest, and that claims about climate benefits should be made carefully.

> "This is excellent news for fish, for the seabed and for the people who did the planting," he said. "It is not yet a carbon sink you can put on a balance sheet."

Local fishermen have been following the project with interest. Several boats now avoid the meadow edges when setting pots, an informal arrangement the harbour association hopes to make permanent.

The university plans to repeat the survey every two years. The full paper and a map of the meadows are available from the [Eastmoor University press office](https://example.org/press/2026-calloway-seagrass).`,
    comments: [
      {
        name: "Siobhan Tierney",
        email: "siobhan.t@example.com",
        body: "I was one of the volunteers on the second planting weekend, cold hands and all. Genuinely emotional to read this.",
        status: "approved",
        minutesAfter: 35,
        replies: [
          {
            name: "Farid Haddad",
            email: "farid.haddad@example.net",
            body: "Same! Do you know if they're recruiting for the next survey? I'd happily go back.",
            status: "approved",
            minutesAfter: 88,
          },
        ],
      },
      {
        name: "Gordon Maclean",
        email: "g.maclean@example.com",
        body: "Good to see Professor Lyle's caution quoted. Too many restoration stories jump straight to carbon credits.",
        status: "approved",
        minutesAfter: 190,
      },
      {
        name: "CryptoYield Pro",
        email: "profits4u@example.net",
        website: "https://example.net/bluecoin-offer",
        body: "Turn 100 into 10,000 in 30 days with BlueCoin ocean tokens!!! Guaranteed returns, limited spots. Sign up now at example.net/bluecoin-offer",
        status: "pending",
        minutesAfter: 260,
      },
    ],
  },
  {
    slug: "heat-pump-trial-in-terraced-homes-cuts-winter-bills-by-a-fifth",
    title: "Heat-pump trial in terraced homes cuts winter bills by a fifth",
    standfirst:
      "A two-year study of 120 older terraced houses in Ashbury found that heat pumps paired with modest insulation upgrades lowered heating costs and kept rooms warmer than gas boilers.",
    section: "science",
    author: "mei-lin-chen",
    daysAgo: 17,
    hour: 14,
    tags: ["Energy", "Housing", "Climate"],
    source: { name: "Gazette reporting" },
    body: `Heat pumps are often described as unsuitable for old, draughty houses. A two-year study in Ashbury suggests that, with some modest preparation, they can perform well in exactly that kind of home.

Researchers from Eastmoor University's building physics group worked with the Ashbury Housing Cooperative to monitor 120 terraced houses, most built before 1920. Half had their gas boilers replaced with air-source heat pumps; the other half kept their boilers and served as a comparison group. Every house received the same basic upgrades beforehand: loft insulation topped up, draughts sealed around windows and doors, and, where needed, a handful of radiators replaced with larger ones.

## The results

Over two winters, households with heat pumps spent on average 21 per cent less on heating than those with boilers. Indoor temperatures were also steadier. Sensors in living rooms and bedrooms recorded fewer cold mornings, largely because heat pumps run at lower temperatures for longer rather than in short bursts.

The main findings reported by the team include:

- average heating costs fell by about a fifth, although the range was wide, from a saving of 40 per cent to a small increase in two homes;
- carbon emissions from heating fell by roughly two thirds, based on the regional electricity mix;
- bedroom temperatures stayed above 18 degrees on 94 per cent of winter nights, against 81 per cent in the comparison homes;
- fewer than one in ten households reported problems with noise from the outdoor units.

> "The pump is not the clever part," said Dr Yusuf Karimi, who led the monitoring. "The clever part is the weekend of unglamorous work beforehand: sealing gaps, sizing radiators properly and setting the controls sensibly."

## Where it worked less well

The two homes where bills rose shared a pattern. Both were occupied by people who preferred to switch the heating off entirely during the day and turn it up sharply in the evening, which forces a heat pump to work at its least efficient. After advice on settings, one of those households saw costs fall in the second winter.

Electricity tariffs also mattered. Households on time-of-use tariffs, which offer cheaper power overnight, saved considerably more than those on standard tariffs. The researchers caution that the savings depend on the relative price of gas and electricity, which has shifted considerably in recent years and may change again.

## Living with it

Residents interviewed for the study were mostly positive, though adjusting took time. Several described the first weeks as strange, because radiators feel warm rather than hot to the touch.

> "I kept putting my hand on it and thinking it was broken," said Dorothy Wakeling, who has lived on Albion Terrace for 46 years. "Now the house is just warm all the time. I don't think about it."

The cooperative says the biggest obstacle to expanding the scheme is not technology but people. Only four local firms are currently accredited to install heat pumps, and the waiting list for an installation is around five months.

The study is now being extended to a further 200 homes, including flats above shops, which the team expects to present different challenges. The cooperative also plans to run evening sessions for tenants on how to use the controls.`,
    comments: [
      {
        name: "Neil Forsyth",
        email: "neil.forsyth@example.com",
        body: "Useful study, but 120 homes in one town is a small sample. I'd like to see it repeated somewhere colder and wetter.",
        status: "approved",
        minutesAfter: 140,
      },
      {
        name: "Marianne Oduya",
        email: "m.oduya@example.net",
        body: "We had one fitted in a 1905 terrace last year. Can confirm the radiator thing, it took me a month to stop worrying.\nBills are down, noise is fine.",
        status: "approved",
        minutesAfter: 395,
      },
    ],
  },
  {
    slug: "pupils-air-sensors-map-pollution-hotspots-near-greyhaven-bus-depot",
    title: "Pupils' air sensors map pollution hotspots near Greyhaven bus depot",
    standfirst:
      "Secondary school students who built and placed forty low-cost air monitors around Greyhaven found nitrogen dioxide levels near the town's bus depot well above the rest of the district.",
    section: "science",
    author: "mei-lin-chen",
    daysAgo: 27,
    hour: 10,
    tags: ["Health", "Education", "Transport"],
    body: `A group of teenagers in Greyhaven has produced what may be the most detailed map yet of air pollution in their town, and their findings have prompted the local bus operator to bring forward plans to replace its oldest vehicles.

Over six months, the science club at Greyhaven Academy built forty small sensors from kits, tested them, and installed them on lampposts, garden fences and school railings across the town with permission from residents and the council. Each device measured nitrogen dioxide and fine particles every few minutes and sent the readings to a shared spreadsheet the pupils maintained themselves.

## Making cheap sensors trustworthy

Low-cost air sensors have a mixed reputation among scientists, because their readings can drift with temperature and humidity. The pupils tackled this by placing three of their devices alongside the council's official monitoring station for a month and using the comparison to correct the rest.

> "The first week, our numbers were nonsense," said Aisha Bello, who is fifteen and wrote most of the correction code. "We worked out that humidity was confusing the sensors, so we adjusted for it. After that they tracked the council's station quite closely."

Their teacher, Owen Petrie, said the students learned more about experimental error in those weeks than in any lesson he could have planned.

## What the map shows

Most of Greyhaven's streets recorded pollution levels comfortably within the national guidelines. A handful of locations stood out:

1. the stretch of Tanner's Road alongside the bus depot, where average nitrogen dioxide was roughly double the town-wide figure;
2. the junction outside the Academy itself during the school run, with sharp peaks between 8.15 and 8.45 in the morning;
3. a narrow residential street used as a short cut by delivery vans, where readings rose steadily through the afternoon.

The depot readings peaked early in the morning, when buses are started and left idling before leaving for their routes. Several residents of Tanner's Road told the students they had long suspected as much but had never had figures to show anyone.

## The response

Tarn Valley Buses, which operates from the depot, said it had reviewed the data and would move the replacement of its twelve oldest diesel buses with electric vehicles forward by a year. It has also told drivers to stop pre-warming engines for more than two minutes.

The council has agreed to install a permanent monitor on Tanner's Road and is consulting on a school street scheme, closing the road outside the Academy to through traffic at the start and end of the day.

Atmospheric scientists who looked at the project were impressed but cautious. Dr Lena Sorvik, who studies urban air quality, said the findings were consistent with what is known about idling vehicles, but that a single season of data cannot capture changes across the year.

> "This is a very good piece of citizen science," she said. "The obvious next step is to keep it running through a winter."

The science club intends to do exactly that. Its members have applied for a small grant to replace batteries and add ten more sensors, and younger pupils have already signed up to take over when the current group sits their exams.`,
  },

  // ---------------------------------------------------------------- culture
  {
    slug: "port-averley-film-festival-opens-with-a-debut-shot-aboard-a-fishing-trawler",
    title: "Port Averley film festival opens with a debut shot aboard a fishing trawler",
    standfirst:
      "The harbour town's eleventh film festival began with Low Water, a first feature filmed over six weeks at sea by a director who grew up on the quayside she now puts on screen.",
    section: "culture",
    author: "tomas-novak",
    daysAgo: 3,
    hour: 20,
    tags: ["Film", "Oceans"],
    source: { name: "Gazette reporting" },
    body: `The Port Averley Film Festival has always liked to open with something local, but rarely this local. Low Water, the debut feature by Niamh Corrigan, was shot almost entirely on board a working trawler that sails from the harbour wall a few hundred metres from the festival's main screen.

Friday's opening night sold out within an hour of tickets going on sale. A good share of the audience were fishing families, some of whom had watched the production come and go from the quay over a long, wet autumn.

## A story told from the wheelhouse

The film follows three generations of one family over a single difficult trip, as an ageing skipper, his daughter and her teenage son try to make a catch that will keep the boat afloat for another season. Much of the dialogue is spoken over engine noise, and Corrigan resists the temptation to explain the mechanics of fishing to viewers who have never seen a net hauled.

Several of the crew are played by working fishermen, and the skipper is played by the boat's real owner, Declan Furey, who had never acted before.

> "I told her I'd do it if I didn't have to learn lines," Mr Furey said after the screening, to laughter from the audience. "In the end I mostly said what I'd have said anyway."

Corrigan, who left Port Averley at eighteen to study in the city, said she wanted to make a film about the harbour that her neighbours would recognise.

> "Every film I saw about fishing towns was either a tragedy or a postcard," she said. "The truth is that it's mostly work, and weather, and people being quite funny under pressure."

## Filming at sea

Shooting on a trawler brought obvious problems. The crew of nine, including camera, sound and a safety officer, had to fit around the real work of the boat. On rough days filming stopped entirely, and two weeks of the schedule were lost to storms. The director of photography, Ines Varga, used small cameras that could be braced against the bulkheads, and much of the film was lit only by the boat's own lamps.

## The rest of the programme

The festival runs until Sunday and includes more than sixty films across four venues. Highlights include:

- a restored print of a 1950s documentary about herring girls on the east coast, accompanied by a live score;
- a strand of short films made by students at the town's further education college;
- a retrospective of animated work by the illustrator Pieter Halloran;
- a panel on the economics of making films outside big cities, chaired by the festival's director, Ruth Oyelaran.

Ms Oyelaran said audiences had grown every year since the festival moved to its current dates and that the town's guest houses were fully booked for the weekend.

Low Water has been picked up by a small distributor and is expected to reach independent cinemas in the spring. Mr Furey, for his part, said he was already back at sea on Monday.`,
    comments: [
      {
        name: "Kieran Doherty",
        email: "kieran.doherty@example.com",
        body: "Saw it on Friday. The scene hauling the net in the dark is one of the best things I've seen this year. Go if you can.",
        status: "approved",
        minutesAfter: 75,
      },
      {
        name: "Rosa Lindqvist",
        email: "rosa.lindqvist@example.net",
        body: "Will it be shown anywhere with subtitles? Some of the dialogue in the trailer is hard to follow over the engine.",
        status: "pending",
        minutesAfter: 300,
      },
    ],
  },
  {
    slug: "greyhavens-century-old-music-hall-reopens-after-a-volunteer-rescue",
    title: "Greyhaven's century-old music hall reopens after a volunteer rescue",
    standfirst:
      "Closed for nine years and once earmarked for demolition, the Lantern Hall welcomed its first audience on Saturday after volunteers raised the money and rebuilt much of it themselves.",
    section: "culture",
    author: "tomas-novak",
    daysAgo: 11,
    hour: 16,
    tags: ["Music", "Local Government"],
    body: `When the curtain rose at the Lantern Hall in Greyhaven on Saturday evening, more than a few people in the audience had helped to make it. They had sanded the floor, rewired the dressing rooms, sewn the new curtain and, in one case, spent eighteen months tracking down replacement tiles for the foyer.

The hall opened in 1924 as a variety theatre and later served as a cinema, a bingo hall and, for a brief period in the 1990s, a nightclub. It closed nine years ago after its roof began to leak, and three years later a developer applied to demolish it for flats.

## The rescue

The application prompted a public meeting attended by more than 300 people. From it came the Lantern Hall Trust, a charity run entirely by volunteers, which persuaded the council to refuse the demolition and then, after long negotiation, to buy the building and lease it to the trust for a nominal rent.

> "People kept telling us it was a lovely idea and it would never happen," said Margaret Oduro, the trust's chair, a retired secondary school music teacher. "We decided to treat that as a challenge rather than advice."

The trust raised just under £2m from a mix of heritage grants, a community share offer and hundreds of small events, from quiz nights to a sponsored sing that lasted twenty-four hours. Volunteers carried out much of the work that did not require specialist trades, saving an estimated £400,000.

## What has changed

The restored hall keeps its horseshoe balcony and painted ceiling, but much else is new:

- a lift and step-free access to every level, including the stage;
- a rebuilt roof with solar panels hidden behind the original parapet;
- a smaller studio space in the former projection rooms, for rehearsals and community groups;
- a café in the foyer, open during the day whether or not there is a show.

The main auditorium now seats 620, slightly fewer than before, because the seats are wider and there is more room between rows.

## The opening night

Saturday's programme was deliberately broad, in keeping with the hall's history. The Greyhaven Silver Band opened the evening, followed by a set from the folk trio Harrow Lane, a short comic turn by the local comedian Bev Ashcroft and, to finish, a community choir of more than eighty voices drawn from across the town.

> "My grandmother danced on this stage in the 1940s," said Jamal Pryce, a member of the choir. "I never thought I would get to stand on it myself."

The hall's first season includes touring theatre, jazz and classical concerts, and a monthly open-mic night. The trust is also working with two local schools to offer rehearsal space and free tickets.

Running costs remain the biggest challenge. The trust has employed a small paid staff for the first time, including a general manager and a technician, and estimates it needs to sell around 60 per cent of its seats across the year to break even. The council has agreed to review the rent after five years.

For now, the volunteers are mostly relieved. Several stayed behind long after Saturday's show ended, sweeping the floor they had spent a year restoring.`,
  },
  {
    slug: "independent-cinemas-turn-to-memberships-as-ticket-sales-level-off",
    title: "Independent cinemas turn to memberships as ticket sales level off",
    standfirst:
      "Small screens across the region are asking regular viewers to pay a monthly fee in return for discounts and previews, a model that steadies their income but divides audiences.",
    section: "culture",
    author: "sofia-marquez",
    daysAgo: 21,
    hour: 13,
    tags: ["Film", "Startups"],
    source: {
      name: "Association of Independent Screens",
      url: "https://example.org/ais/annual-survey",
    },
    body: `For most of their history, independent cinemas have lived from one weekend to the next, hoping the films they booked would bring people through the doors. A growing number are now trying something steadier: asking their most loyal customers to pay every month, whatever is showing.

According to the annual survey by the Association of Independent Screens, 58 per cent of its member cinemas now offer some form of paid membership, up from 31 per cent three years ago. Ticket sales across the association have largely recovered from their lows but have stopped growing, and operators say rising costs for energy, staff and film rental have squeezed their margins.

## How the schemes work

The details vary, but most schemes share a similar structure. At the Electric Lark in Harwick, a 190-seat cinema in a converted chapel, members choose from three tiers:

- a basic tier at a small monthly fee, offering discounted tickets and priority booking;
- a middle tier that adds two free films a month and a discount at the bar;
- a top tier that includes unlimited standard screenings, invitations to previews and a named seat plaque after a year.

> "A membership is not really about the discount," said Hugo Marchetti, the Electric Lark's owner. "It's about people deciding that they want this place to exist and being willing to say so every month."

Memberships now account for about a third of the cinema's revenue, and Mr Marchetti says they have allowed him to book more unusual films, knowing that a core audience will turn up.

## The technology behind it

Running a membership scheme is more complicated than selling tickets. Cinemas need to manage recurring payments, track who is entitled to what, and handle cancellations. Many have turned to Marrowby, a small software firm founded four years ago by two former cinema managers, which now supplies booking and membership systems to more than 80 independent venues.

Its co-founder, Alys Penhallow, said the company grew almost entirely by word of mouth, and that most of its development work still comes from requests made by cinema staff.

## Not everyone is convinced

Some audience members worry that memberships quietly turn cinemas into clubs. Occasional viewers, they argue, end up paying higher prices or finding the best seats already taken by members who booked first.

> "I go four or five times a year, and I used to be able to get a decent seat on the day," said Ewan Hollis, a retired teacher in Lindenfeld. "Now the good screenings sell out to members a week ahead."

Several cinemas have responded by holding back a share of seats for general sale until the final few days, or by offering cheaper tickets on quieter weekday afternoons.

The association's survey suggests the model has helped cinemas ride out difficult months. Venues with memberships were less likely to report a loss last year than those without, though the association notes that the more successful cinemas may simply have been the first to introduce them.

The full findings are available from the association's [annual survey page](https://example.org/ais/annual-survey).`,
    comments: [
      {
        name: "Felicity Warne",
        email: "fwarne@example.com",
        body: "I'm a top-tier member at the Lark and it's the best money I spend each month. The previews alone are worth it.",
        status: "approved",
        minutesAfter: 58,
      },
      {
        name: "Dev Raman",
        email: "dev.raman@example.net",
        website: "https://example.net/devwatchesfilms",
        body: "Ewan Hollis has a point. Holding back some seats for walk-ups should be standard, not an afterthought.",
        status: "approved",
        minutesAfter: 276,
      },
    ],
  },
  {
    slug: "translated-novels-find-a-growing-audience-in-small-town-libraries",
    title: "Translated novels find a growing audience in small-town libraries",
    standfirst:
      "Borrowing of fiction translated from other languages has risen sharply across the Eastmoor library network, helped by reading groups started by recently arrived residents and their neighbours.",
    section: "culture",
    author: "amara-okafor",
    daysAgo: 29,
    hour: 12,
    tags: ["Books", "Education"],
    source: { name: "Gazette reporting" },
    body: `On the second Wednesday of every month, around twenty people gather in the upstairs room of Lindenfeld library to talk about a novel none of them could have read in its original language. Last month it was a family saga from the Tavirian coast. This month it is a slim, funny book about a postman in a mountain village, translated from the Orlenian.

The group is one of nine across the Eastmoor library network that focus on translated fiction, and they have helped drive a notable change in what people borrow. Loans of translated novels across the network rose by 64 per cent over three years, far faster than fiction as a whole.

## How it started

The first group was set up by Selin Arslan, who arrived in Lindenfeld six years ago and found the library's small shelf of books from her own region mostly unread.

> "I wanted to talk about the books I loved with people who lived here," she said. "I assumed it would be me and two friends. Instead, the first meeting had fifteen people and half of them had never heard of any of the authors."

The groups are deliberately mixed. Some members read the books in translation; others read the original and help explain jokes, references or idioms that do not carry over. Librarians say the conversations often move from the novel to the members' own lives, including their experiences of moving, work and family.

## What people are borrowing

Librarians say the most borrowed translated titles over the past year include:

1. The Salt Orchard, a multi-generational novel set among olive farmers, translated from the Tavirian;
2. Night Ferry to Dunmere, a crime novel that has become something of a word-of-mouth favourite;
3. Letters from the Second Floor, a collection of linked short stories about a single apartment block;
4. A short memoir by a retired river pilot, which sold out its modest print run after a local radio reading.

Several of the translators have visited the groups in person, and two have run short workshops for members who are interested in translation themselves.

## Pressure on budgets

The growth has come despite tight library budgets. Eastmoor's network spends a small fraction of its acquisitions money on translated fiction, and librarians have relied on donations, a partnership with a regional publisher and a small cultural grant to keep shelves stocked.

> "The demand is there, and it is coming from people who would not normally describe themselves as big readers," said Graham Oakes, who manages acquisitions for the network. "Our challenge is keeping enough copies in circulation."

The network is now planning a reading festival for the spring, with events in all nine libraries and a shared reading list chosen by members of the groups. It has also started adding short introductions written by group members to the inside covers of popular titles, explaining what each book meant to them.

For Ms Arslan, the most satisfying moment came last year, when a member in her seventies who had never travelled abroad announced that she had booked a trip to the Tavirian coast, to see the places she had been reading about.`,
  },

  // ---------------------------------------------------------------- sport
  {
    slug: "eastmoor-rovers-snatch-late-winner-to-stay-in-promotion-race",
    title: "Eastmoor Rovers snatch late winner to stay in promotion race",
    standfirst:
      "A stoppage-time header from defender Kwame Doyle gave Rovers a 2-1 win over Harwick Athletic in front of a record crowd, many of whom travelled on the club's new supporters' buses.",
    section: "sport",
    author: "tomas-novak",
    daysAgo: 7,
    hour: 21,
    tags: ["Football", "Transport"],
    body: `Eastmoor Rovers kept their promotion hopes alive on Saturday with a dramatic 2-1 win over Harwick Athletic, settled by Kwame Doyle's header four minutes into stoppage time at a packed Fenwick Road.

The crowd of 6,412 was the largest at the ground since it was redeveloped, and the noise when Doyle's header crept inside the far post was, by several accounts, audible across the river.

## How the goals came

Harwick had the better of a cagey first half and took the lead on the half-hour when their winger, Sami Kettunen, cut inside and curled a low shot beyond the reach of the Rovers goalkeeper, Liam Osei. Rovers looked short of ideas for long spells, and their manager, Carla Brandt, made a double substitution at half-time.

The changes worked. Within ten minutes of the restart, the substitute Reuben Marsh pressed the Harwick centre-back into a loose pass, collected the ball and drove an equaliser into the roof of the net. The game then opened up, with both sides hitting the woodwork before the final act.

It came from a corner in the fourth of five added minutes. Doyle, who had spent most of the afternoon defending his own penalty area, met the delivery at the near post and glanced it across the goalkeeper.

> "I was only up there because we'd run out of time," Doyle said afterwards. "I closed my eyes a bit, to be honest. I'll take it."

Brandt praised her side's resilience but admitted the first half had been poor.

> "We were second to everything for forty-five minutes," she said. "The players sorted it out themselves, and that tells you something about the dressing room."

## The table

The win leaves Rovers third, two points behind the automatic promotion places with five games remaining. Their run-in includes two of the sides above them:

1. Ashbury Town away next Saturday;
2. Calloway United at home;
3. Lindenfeld Wanderers away;
4. Northfold City at home;
5. Greyhaven Albion away on the final day.

Harwick remain eighth and will need a strong finish to reach the play-off places.

## Getting to the ground

Part of the record attendance has been put down to a scheme launched this season by the club and its supporters' trust. Free buses now run to Fenwick Road from five outlying villages on match days, paid for partly by a local housing association and partly by a small levy on season tickets.

The trust says more than 700 fans used the buses on Saturday, many of them older supporters who had stopped attending because of the difficulty of parking near the ground.

> "My dad hadn't been to a game in four years," said Hollie Turner, who travelled from Brackley Green with her father. "Now we get picked up at the end of our road."

The club says it hopes to add two further routes next season if funding can be secured.`,
    comments: [
      {
        name: "Danny Whitcombe",
        email: "danny.whitcombe@example.com",
        body: "Best atmosphere at Fenwick Road in twenty years. Doyle will never have to buy a drink in this town again.",
        status: "approved",
        minutesAfter: 22,
        replies: [
          {
            name: "Mo Hussain",
            email: "mo.hussain@example.net",
            body: "Ha, true. Marsh deserves credit too though, that press changed the whole game.",
            status: "approved",
            minutesAfter: 61,
          },
        ],
      },
      {
        name: "Kath Brierley",
        email: "kath.brierley@example.com",
        body: "The buses are brilliant. Any chance of a route from Pelham Cross? There are loads of us out there.",
        status: "approved",
        minutesAfter: 180,
      },
      {
        name: "Tony Rees",
        email: "tony.rees@example.net",
        body: "Slight correction: Kettunen's goal was on 28 minutes, not the half-hour. Great report otherwise.",
        status: "approved",
        minutesAfter: 345,
      },
    ],
  },
  {
    slug: "coastal-cycling-sportive-doubles-entries-after-moving-off-main-roads",
    title: "Coastal cycling sportive doubles entries after moving off main roads",
    standfirst:
      "The Calloway Coast Ride will welcome more than 3,000 riders next month after organisers moved the course onto quiet lanes and a new greenway, ending years of complaints about traffic.",
    section: "sport",
    author: "tomas-novak",
    daysAgo: 15,
    hour: 6,
    tags: ["Cycling", "Transport", "Health"],
    source: {
      name: "Calloway Coast Ride organisers",
      url: "https://example.com/calloway-coast-ride/2026-route",
    },
    body: `Entries for the Calloway Coast Ride have more than doubled this year after organisers abandoned the busy coast road that had defined the event for a decade and rerouted it along quiet lanes and a newly opened greenway.

More than 3,000 riders have signed up for next month's event, compared with around 1,400 last year. Organisers say the biggest growth has come from groups who had previously stayed away: families, newer riders and clubs that had stopped sending members because of safety concerns.

## A new route

The old course followed the main coast road for much of its length, and riders regularly complained about lorries and holiday traffic passing at speed. Residents along the route were no happier, with the road partially closed for most of a Sunday.

The new route takes advantage of the Calloway Greenway, a 22-kilometre path built along a disused railway line that opened last summer, and links it with single-track lanes through farmland further inland. There are three distances:

- a family route of 25 kilometres, almost entirely on the greenway, with a picnic stop at the old Hartley station;
- a 70-kilometre route adding a loop of inland lanes and one significant climb;
- a 130-kilometre route that continues to the headland at Calloway Point and returns along the ridge.

> "We were asking people to ride somewhere we wouldn't let our own children ride," said Imogen Hale, the event director. "Once we said that out loud, the decision made itself."

## Safety and support

The organisers have increased the number of marshals, added two further first-aid points and arranged for a mechanic at every feed station. Lanes on the longer routes will not be closed, but signs will warn drivers that cyclists are expected, and the district council has agreed to reduce the speed limit on two stretches for the day.

The event remains a challenge ride rather than a race. There are no prizes for finishing first, and riders are timed only so they can compare their own results.

## Benefits for villages

Businesses along the inland section, which previously saw little of the event, are preparing for an unusually busy weekend. The café at Hartley station has ordered extra stock, and the village hall at Nether Coombe will host a feed station run by volunteers, with proceeds going to the hall's roof fund.

> "Normally the riders went past us on the main road and we never saw them," said Bernard Lyle, who runs the village shop in Nether Coombe. "This year they're coming up the high street. We'll be ready."

Not everyone is enthusiastic. Some farmers have asked for reassurance that livestock movements will not be disrupted, and a few residents on the narrowest lanes have raised concerns about access for emergency vehicles. Organisers say they have met both groups and will publish a full traffic plan a fortnight before the ride.

Further details, including maps and entry information, are available from the [ride's official website](https://example.com/calloway-coast-ride/2026-route).`,
    comments: [
      {
        name: "Jenna Morrow",
        email: "jenna.morrow@example.com",
        body: "Signed up for the family route with my two kids. Would never have done the old one. Thank you for making the change.",
        status: "approved",
        minutesAfter: 105,
      },
      {
        name: "Phil Gadsby",
        email: "phil.gadsby@example.net",
        body: "Will the greenway stay open to walkers that day? I walk my dog along there every Sunday and would rather not be mown down.",
        status: "pending",
        minutesAfter: 250,
      },
    ],
  },
  {
    slug: "ashbury-voters-to-decide-on-public-money-for-a-new-football-stadium",
    title: "Ashbury voters to decide on public money for a new football stadium",
    standfirst:
      "A local referendum next month will ask residents whether the town council should borrow £18m towards a new ground for Ashbury Town, dividing campaigners, businesses and supporters.",
    section: "sport",
    author: "lukas-brenner",
    daysAgo: 19,
    hour: 17,
    tags: ["Football", "Local Government", "Elections"],
    source: { name: "Gazette reporting" },
    body: `Residents of Ashbury will vote next month on whether their town council should borrow £18m to help build a new stadium for Ashbury Town, in what is thought to be the first local referendum in the region on public funding for a football ground.

The club has played at its current home, Station Meadow, since 1908. The main stand was declared unsafe two years ago and has been partly closed since, limiting capacity to just over 3,000. The club says it cannot afford to rebuild on its own and that, without a new ground, it risks failing league requirements within three seasons.

## What is being proposed

Under the plan agreed between the club and the council's ruling group, the new stadium would be built on council-owned land at Brook Farm, on the eastern edge of the town. The key elements are:

1. a 7,500-capacity ground with a covered stand on all four sides;
2. £18m of council borrowing, repaid over thirty years from a rent paid by the club and income from the site's other facilities;
3. a community sports centre with two all-weather pitches, available to schools and local teams during the week;
4. the sale of Station Meadow for housing, with the proceeds shared between the club and the council.

The club would contribute around £6m of its own money, raised mainly from a new share issue to supporters.

## The case for

Supporters of the scheme argue that the stadium would bring visitors to Ashbury and give young people in the town better facilities.

> "This is not just about ninety minutes on a Saturday," said Councillor Fiona Grant, the council's lead on leisure. "The pitches at Brook Farm would be used every day of the week, by people who have never set foot in Station Meadow."

The local chamber of commerce has backed the plan, arguing that match days already bring significant trade to pubs and cafés near the current ground.

## The case against

Opponents, led by a campaign group called Ashbury First, say the council should not be taking on large debts for a private football club while it is cutting spending elsewhere. They point out that the council closed two public toilets and reduced library hours last year.

> "If the club does well, it will pay the rent. If it gets relegated, who pays then?" said Peter Mallory, a retired accountant who chairs the group. "The answer is the people of Ashbury."

The council says the loan would be secured against the land and the sports centre, which would retain their value whatever happens to the club. Independent analysis commissioned by the council described the financial risk as "moderate and manageable", while noting that projected income from the sports centre was ambitious.

## The vote

The referendum is advisory, but the council's leader has said she will treat the result as binding. Polling stations will be open on a Thursday next month, and postal votes are already being issued.

Supporters' groups have been careful not to take a position, although many of their members are campaigning for a yes vote. Local elections due in May mean that the result is likely to shape the town's politics for some time to come.`,
    comments: [
      {
        name: "Sandra Holt",
        email: "sandra.holt@example.com",
        body: "Season ticket holder for 31 years and I'm still not sure how I'll vote. The sports centre is the part that might win me over.",
        status: "approved",
        minutesAfter: 70,
        replies: [
          {
            name: "Peter Kinsella",
            email: "p.kinsella@example.net",
            body: "Same position here. I'd vote yes tomorrow if the council published what happens to the loan if the club folds.",
            status: "approved",
            minutesAfter: 150,
          },
        ],
      },
      {
        name: "Lewis Armitage",
        email: "lewis.armitage@example.com",
        body: "Thirty years is a long time to lock the town into this. What happens when the next council wants to build something else?",
        status: "approved",
        minutesAfter: 420,
      },
    ],
  },
  {
    slug: "womens-league-clubs-adopt-a-shared-platform-to-track-player-workloads",
    title: "Women's league clubs adopt a shared platform to track player workloads",
    standfirst:
      "All twelve clubs in the Northern Women's League will record training loads, injuries and recovery data in one system, a move welcomed by medical staff but questioned by players' representatives.",
    section: "sport",
    author: "daniel-hart",
    daysAgo: 23,
    hour: 15,
    tags: ["Football", "Data Privacy", "Health"],
    source: {
      name: "Northern Women's League",
      url: "https://example.com/nwl/news/shared-data-platform",
    },
    body: `Every club in the Northern Women's League will from next season record player training loads, injuries and recovery information on a single shared platform, in a move the league says will help reduce the high rate of serious knee injuries in the women's game.

The system, built for the league by a small sports software developer, replaces a patchwork of spreadsheets, paper notes and commercial apps that varied widely from club to club. Some smaller clubs currently have no formal way of tracking how much their players train at all.

## What will be recorded

Under the league's new rules, clubs will be required to enter:

- the duration and intensity of every training session and match, using GPS vests where available;
- injuries, including the type, the circumstances in which they occurred and the time taken to return to play;
- players' own daily ratings of fatigue, sleep and soreness, entered on their phones;
- optionally, and only with a player's explicit consent, information about menstrual cycles, which some research suggests may affect injury risk.

Medical staff at each club will be able to see their own players' full records. The league will see only anonymised and combined data, which it plans to share with university researchers studying injury prevention.

> "At the moment, when a player moves clubs, her injury history often doesn't move with her," said Dr Nadia Kovac, the league's chief medical officer. "We lose years of information that could help keep her on the pitch."

## The players' concerns

The players' association says it supports the aim but has serious reservations about how the information could be used. Its main worry is that data collected for health reasons could influence decisions about selection or contracts.

> "If a manager can see that a player reported poor sleep for three weeks, it is naive to think that will never affect whether she starts on Saturday," said Hana Jurić, the association's representative for the league. "The rules need to say clearly who sees what, and what happens if they break them."

The association has also asked that players be able to download and delete their own data when they leave a club, and that cycle information should never be visible to coaching staff.

## Consent and control

The league says it has addressed several of these points. Coaching staff will see workload figures but not medical notes or cycle data. Players will be able to export their records at any time, and cycle tracking will remain entirely optional. An independent data protection officer will audit access logs twice a season.

Privacy specialists say the details of implementation will matter more than the policy itself. In small clubs, one person may act as physiotherapist, fitness coach and assistant manager, which makes strict separation between medical and selection decisions difficult to guarantee.

The league plans to review the system after its first season, with a survey of players and staff at every club. The players' association said it would continue talks in the meantime and expected its remaining concerns to be reflected in a revised code of practice.`,
    comments: [
      {
        name: "Ellie Brannigan",
        email: "ellie.brannigan@example.com",
        body: "I played semi-pro for six years and nobody ever tracked anything. Two ACL injuries in my team in one season. This is overdue.",
        status: "approved",
        minutesAfter: 95,
      },
      {
        name: "Tom Achterberg",
        email: "tom.achterberg@example.net",
        body: "Who owns the software developer, and where is the data hosted? Those seem like pretty basic questions for a story like this.",
        status: "pending",
        minutesAfter: 330,
      },
    ],
  },
  {
    slug: "rowing-club-moves-winter-training-indoors-as-river-floods-return",
    title: "Rowing club moves winter training indoors as river floods return",
    standfirst:
      "For the third winter running, the Tarn Valley Rowing Club has lost its river to flooding, and members are rebuilding their season around rowing machines, gym sessions and a borrowed reservoir.",
    section: "sport",
    author: "tomas-novak",
    daysAgo: 25,
    hour: 19,
    tags: ["Climate", "Education", "Health"],
    source: { name: "Gazette reporting" },
    body: `The boathouse of the Tarn Valley Rowing Club stands about forty metres from the river. For much of the past month, the river has been considerably closer than that.

For the third winter in a row, high water on the Tarn has made rowing unsafe for weeks at a time. Club records show that the number of days on which crews were unable to go out between November and March has risen from an average of eleven a decade ago to more than fifty in each of the last three seasons.

## Training without water

The club, which has around 180 members ranging from schoolchildren to rowers in their eighties, has had to rethink how it prepares for the spring regatta season. Its coaches have built a winter programme around several alternatives:

- indoor sessions on rowing machines, organised as team workouts in the boathouse's upstairs room, with crews rowing in time to a shared screen;
- strength and flexibility classes in the gym of the local secondary school, which the club rents on weekday evenings;
- weekend sessions on the Holm Reservoir, twenty kilometres away, where a sailing club has agreed to share its slipway when conditions allow;
- a technique clinic using video recorded during the autumn, so rowers can work on their stroke without being on the water.

> "You can build fitness indoors, but you can't build the feel of the boat," said Grace Ilunga, the club's head coach. "When we do get back on the river, the first few weeks are always a bit messy."

## The school programme

The floods have hit the club's youth programme particularly hard. For six years it has run a scheme with three state schools in the valley, offering pupils a term of free coaching. Many of those pupils have never been in a boat before, and losing weeks of water time can mean they never progress beyond the machines.

The club has responded by moving its school sessions to the autumn term, when the river is more reliable, and by using winter for indoor competitions between the schools. The most recent, held in the sports hall at Tarn Valley High, drew more than 120 pupils.

> "Some of them would honestly rather race on the machines than go out in the cold," said Femi Adebayo, a teacher who organises the school teams. "But the ones who've been on the water keep asking when they can go back."

## Adapting the boathouse

Flooding has also damaged the building itself. Water entered the ground floor twice last winter, and the club now moves its boats up onto higher racks whenever a flood warning is issued. Members have raised money to install flood barriers at the main doors, and the club is talking to the environment agency about whether the boathouse should eventually be rebuilt on higher ground.

The club's chair, Robert Ainsley, who has rowed on the Tarn for more than forty years, said the changes were a practical response to a river that no longer behaved the way it used to.

The first regatta of the season is scheduled for April. The club says it intends to enter every crew, whatever the winter brings.`,
  },
];
