/* 人才工作看板: draws the charts from the figures the page carries in data-talent-dashboard (no inline script, CSP). */
(function () {
    'use strict';
    var board = document.querySelector('[data-talent-dashboard]');
    if (!board || typeof echarts === 'undefined') {
        return;
    }
    var d = JSON.parse(board.getAttribute('data-talent-dashboard'));
    var charts = [];

    function chart(name) {
        var el = board.querySelector('[data-chart="' + name + '"]');
        if (!el) {
            return null;
        }
        var c = echarts.init(el, null, {renderer: 'canvas'});
        charts.push(c);
        return c;
    }

    function pie(name, data) {
        var c = chart(name);
        if (!c) {
            return;
        }
        c.setOption({
            tooltip: {trigger: 'item'},
            legend: {bottom: 0, type: 'scroll'},
            series: [{type: 'pie', radius: ['35%', '65%'], label: {formatter: '{b}\n{c}'},
                data: Object.keys(data).map(function (k) { return {name: k, value: data[k]}; })}]
        });
    }

    function bars(name, labels, series, horizontal) {
        var c = chart(name);
        if (!c) {
            return;
        }
        var category = {type: 'category', data: labels, axisLabel: {interval: 0, fontSize: 11}};
        var value = {type: 'value', minInterval: 1};
        c.setOption({
            tooltip: {trigger: 'axis'},
            legend: series.length > 1 ? {top: 0} : undefined,
            grid: {left: horizontal ? 110 : 40, right: 20, top: series.length > 1 ? 30 : 10, bottom: 30},
            xAxis: horizontal ? value : category,
            yAxis: horizontal ? category : value,
            series: series.map(function (s) {
                return {name: s.name, type: 'bar', stack: s.stack, data: s.data, itemStyle: {color: s.color}};
            })
        });
    }

    pie('field', d.byField);
    pie('tier', d.byTier);
    bars('months', ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
        [{name: '引进人才', data: d.introducedPerMonth, color: '#1c7ed6'}], false);
    bars('status', Object.keys(d.requestsByStatus),
        [{name: '事项数', data: Object.keys(d.requestsByStatus).map(function (k) { return d.requestsByStatus[k]; }), color: '#2f9e44'}], false);
    var units = d.requestsByUnit.map(function (u) { return u.unitName; });
    bars('unit', units, [
        {name: '已办结', stack: 'n', data: d.requestsByUnit.map(function (u) { return u.finished; }), color: '#2f9e44'},
        {name: '在办', stack: 'n', data: d.requestsByUnit.map(function (u) { return u.open - u.overdue; }), color: '#f0a202'},
        {name: '逾期', stack: 'n', data: d.requestsByUnit.map(function (u) { return u.overdue; }), color: '#c92a2a'}
    ], true);
    window.addEventListener('resize', function () {
        charts.forEach(function (c) { c.resize(); });
    });
}());
